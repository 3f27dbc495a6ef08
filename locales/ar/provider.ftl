provider-count = { $count ->
    [zero] لا يوجد حرفيون
    [one] حرفي واحد
    [two] حرفيان
    [few] { $count } حرفيين
    [many] { $count } حرفياً
   *[other] { $count } حرفي
}
provider-rating-label = { $rating } من 5
provider-review-count = { $count ->
    [zero] (بدون تقييم)
    [one] (تقييم واحد)
    [two] (تقييمان)
    [few] ({ $count } تقييمات)
    [many] ({ $count } تقييماً)
   *[other] ({ $count } تقييم)
}
provider-no-reviews = جديد، لا توجد تقييمات بعد
provider-badge-verified = موثّق
provider-badge-club-pro = نادي المحترفين
provider-badge-top-rated = تقييم ممتاز
provider-jobs-done = { $count ->
    [zero] لا تدخلات بعد
    [one] تدخل واحد
    [two] تدخلان
    [few] { $count } تدخلات
    [many] { $count } تدخلاً
   *[other] { $count } تدخل
}
provider-price-from = ابتداءً من { $price }
provider-card-quote = «{ $text }»
provider-page-title = { $name }، { $trade } في { $city }
provider-fact-rating = التقييم
provider-fact-jobs = المهام
provider-fact-experience = الخبرة
provider-years = { $count ->
    [zero] أقل من سنة
    [one] سنة واحدة
    [two] سنتان
    [few] { $count } سنوات
    [many] { $count } سنة
   *[other] { $count } سنة
}
provider-fact-response = مدة الرد
provider-response-minutes = { $count ->
    [zero] أقل من دقيقة
    [one] حوالي دقيقة واحدة
    [two] حوالي دقيقتين
    [few] حوالي { $count } دقائق
    [many] حوالي { $count } دقيقة
   *[other] حوالي { $count } دقيقة
}
provider-response-hours = { $count ->
    [one] حوالي ساعة واحدة
    [two] حوالي ساعتين
    [few] حوالي { $count } ساعات
   *[other] حوالي { $count } ساعة
}
provider-fact-languages = اللغات
provider-about = تقديم
provider-services = الخدمات والأثمنة
provider-services-empty = لم ينشر هذا الحرفي أي خدمة بعد.
provider-duration-minutes = { $count ->
    [zero] المدة التقديرية: أقل من دقيقة
    [one] المدة التقديرية: دقيقة واحدة
    [two] المدة التقديرية: دقيقتان
    [few] المدة التقديرية: { $count } دقائق
    [many] المدة التقديرية: { $count } دقيقة
   *[other] المدة التقديرية: { $count } دقيقة
}
provider-price-quote = حسب عرض السعر
provider-price-hourly = { $price } للساعة
provider-reviews = تقييمات الزبناء
provider-reviews-empty = لا توجد تقييمات بعد: تُنشر التقييمات بعد مهام حقيقية.
provider-distribution = توزيع التقييمات
provider-stars = { $count ->
    [zero] بدون نجوم
    [one] نجمة واحدة
    [two] نجمتان
    [few] { $count } نجوم
    [many] { $count } نجمة
   *[other] { $count } نجمة
}
provider-reply = رد الحرفي:
provider-reviews-pages = صفحات التقييمات
provider-areas = مناطق التدخل
provider-radius = { $count ->
    [zero] يتنقل داخل المدينة
    [one] يتنقل حتى { $count } كلم
    [two] يتنقل حتى { $count } كلم
    [few] يتنقل حتى { $count } كلم
    [many] يتنقل حتى { $count } كلم
   *[other] يتنقل حتى { $count } كلم
}
provider-availability = أوقات العمل
provider-availability-empty = لم تُحدد أوقات العمل.
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
provider-book = احجز
provider-book-service = احجز
provider-contact = تواصل
provider-reviews-title = التقييمات المتوصل بها
provider-reviews-none = ليس لديك بعد أي تقييم منشور. تظهر التقييمات هنا بعد أعمالك المنجزة.
