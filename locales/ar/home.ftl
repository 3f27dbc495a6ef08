home-title = حرفيون وخدمات منزلية في المغرب
home-description = احجزوا سبّاكاً أو كهربائياً أو عاملة نظافة أو بستانياً موثوقاً في الدار البيضاء والرباط ومراكش وطنجة وفي كل أنحاء المغرب. أثمنة واضحة وتقييمات حقيقية.
home-hero-title = الحرفي المناسب، في بيتكم، متى شئتم
home-hero-lead = سباكة، كهرباء، تنظيف، تكييف… قارنوا بين مهنيين موثوقين بالقرب منكم، واطّلعوا على أثمنتهم بالدرهم، واحجزوا في دقائق.
home-search-label = ابحث عن حرفي
home-search-category = ما هي الخدمة؟
home-search-any-category = كل الخدمات
home-search-city = في أي مدينة؟
home-search-any-city = كل المدن
home-search-submit = ابحث عن حرفي
home-figure-providers = { $count ->
    [zero] حرفي معتمد
    [one] حرفي معتمد
    [two] حرفيان معتمدان
    [few] حرفيين معتمدين
    [many] حرفياً معتمداً
   *[other] حرفي معتمد
}
home-figure-cities = { $count ->
    [zero] مدينة
    [one] مدينة
    [two] مدينتان
    [few] مدن
    [many] مدينة
   *[other] مدينة
}
home-figure-jobs = { $count ->
    [zero] تدخل منجز
    [one] تدخل منجز
    [two] تدخلان منجزان
    [few] تدخلات منجزة
    [many] تدخلاً منجزاً
   *[other] تدخل منجز
}
home-popular-title = الخدمات الأكثر طلباً
home-popular-all = كل الخدمات
home-top-title = الأعلى تقييماً
home-top-all = عرض كل الحرفيين
home-top-empty = سيصل أول الحرفيين إلى مدينتكم قريباً.
home-how-title = كيف تعمل المنصة
home-how-1-title = ابحثوا
home-how-1-body = اختاروا الخدمة ومدينتكم، وقارنوا بين الملفات والأثمنة والتقييمات.
home-how-2-title = احجزوا
home-how-2-body = اختاروا تاريخاً وموعداً متاحاً، ويؤكد الحرفي الطلب بسرعة.
home-how-3-title = تواصلوا
home-how-3-body = وضّحوا حاجتكم عبر الرسائل، دون مشاركة رقم هاتفكم إن لم ترغبوا في ذلك.
home-how-4-title = قيّموا
home-how-4-body = بعد التدخل، يقيّم كل منكم الآخر بكل شفافية.
home-pro-title = هل أنتم حرفيون أو مقدّمو خدمات؟
home-pro-body = انضموا إلى خدمات مجاناً: ملف مهني بالعربية والفرنسية، وطلبات زبناء بالقرب منكم، وتسيير نشاطكم من هاتفكم.
home-pro-point-1 = تسجيل وملف مجانيان
home-pro-point-2 = أثمنتكم ومواعيدكم ومناطق تدخلكم
home-pro-point-3 = Club Pro لمزيد من الظهور
home-pro-cta = انضم كحرفي
