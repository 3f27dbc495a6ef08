search-title = ابحث عن حرفي
search-heading-city = الحرفيون في { $city }
search-heading-category-city = { $category } في { $city }
search-page-number = الصفحة { $count }
search-description = { $heading }: قارنوا بين مهنيين موثوقين وأثمنتهم بالدرهم وتقييمات زبنائهم، واحجزوا عبر الإنترنت على Khadamat.
search-price = ثمن البداية (درهم)
search-price-min = الحد الأدنى
search-price-max = الحد الأقصى
search-rating = أدنى تقييم
search-rating-any = كل التقييمات
search-day = متاح يوم
search-verified = الحرفيون الموثّقون فقط
search-sort = ترتيب حسب
search-sort-relevance = الأكثر ملاءمة
search-sort-rating = الأعلى تقييماً
search-sort-price = الأقل ثمناً
search-sort-distance = المسافة
search-near-me = بالقرب مني
search-count = { $count ->
    [zero] لم يتم العثور على أي حرفي
    [one] تم العثور على حرفي واحد
    [two] تم العثور على حرفيين اثنين
    [few] تم العثور على { $count } حرفيين
    [many] تم العثور على { $count } حرفياً
   *[other] تم العثور على { $count } حرفي
}
search-empty = لا يوجد حرفي يطابق هذا البحث. جرّبوا عدداً أقل من المعايير أو مدينة أخرى أو كلمة أخرى.
search-unknown-filter = هذه الفئة أو هذه المدينة غير موجودة (أو لم تعد موجودة) على Khadamat. اختر واحدة من القائمة.
search-empty-reset = مسح المعايير
search-pages = صفحات النتائج
search-previous = السابق
search-next = التالي
search-count-many = تم العثور على أكثر من { $count } حرفي
search-featured = مختارات نادي المحترفين
search-featured-why = لماذا هؤلاء؟ إنهم أعضاء في نادي المحترفين ويظهرون هنا بالتناوب.
search-filters = عوامل التصفية
search-filters-active = { $count ->
    [zero] عوامل التصفية
    [one] عوامل التصفية · واحد مفعل
    [two] عوامل التصفية · اثنان مفعلان
    [few] عوامل التصفية · { $count } مفعلة
   *[other] عوامل التصفية · { $count } مفعلا
}
search-chips-label = عوامل التصفية الحالية
search-chip-remove = (إزالة عامل التصفية هذا)
search-chip-min-price = ابتداء من { $value } درهم
search-chip-max-price = حتى { $value } درهم
search-chip-rating = { $value }+ نجوم
search-chip-day = متاح يوم { $value }
