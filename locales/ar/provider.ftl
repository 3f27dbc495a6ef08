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
