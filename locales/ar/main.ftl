site-description = خدمات: اعثروا على سبّاك أو كهربائي أو عاملة نظافة أو بستاني موثوق بالقرب منكم، في كل أنحاء المغرب.
nav-skip-to-content = الانتقال إلى المحتوى
nav-home-label = خدمات، الصفحة الرئيسية
nav-main-label = التنقل الرئيسي
nav-mobile-label = التنقل السريع
nav-breadcrumb-label = مسار التنقل
nav-language-label = اللغة
nav-home = الرئيسية
nav-services = الخدمات
nav-providers = ابحث عن حرفي
nav-search = بحث
nav-about = من نحن
nav-contact = اتصل بنا
nav-login = تسجيل الدخول
nav-register = إنشاء حساب
nav-account = الحساب
search-label = ابحث عن خدمة أو حرفي
search-placeholder = سبّاك، تنظيف، تكييف…
search-submit = بحث
footer-tagline = حرفيون موثوقون لبيتكم في كل أنحاء المغرب. أثمنة واضحة بالدرهم وتقييمات حقيقية بعد كل تدخل.
footer-company = خدمات
footer-legal = معلومات قانونية
footer-language = اللغة
footer-copyright = © 2026 Khadamat SARL · الدار البيضاء، المغرب
form-optional = (اختياري)
form-error-summary = { $count ->
    [zero] لا توجد أخطاء في الاستمارة.
    [one] تحتوي الاستمارة على خطأ واحد:
    [two] تحتوي الاستمارة على خطأين:
    [few] تحتوي الاستمارة على { $count } أخطاء:
    [many] تحتوي الاستمارة على { $count } خطأً:
   *[other] تحتوي الاستمارة على { $count } خطأ:
}
format-date-long = { $day } { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] ماي
    [6] يونيو
    [7] يوليوز
    [8] غشت
    [9] شتنبر
    [10] أكتوبر
    [11] نونبر
   *[12] دجنبر
} { $year }
format-month-short = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] ماي
    [6] يونيو
    [7] يوليوز
    [8] غشت
    [9] شتنبر
    [10] أكتوبر
    [11] نونبر
   *[12] دجنبر
} { $year }
format-day-short = { $day }/{ $month }
format-datetime = { $date } على الساعة { $time }
error-400-title = طلب غير صالح
error-400 = تعذر فهم هذا الطلب. تحققوا من المعلومات المدخلة وحاولوا مرة أخرى.
error-401-title = يلزم تسجيل الدخول
error-401 = سجّلوا الدخول للوصول إلى هذه الصفحة.
error-403-title = الوصول مرفوض
error-403 = ليس لديكم إذن بالوصول إلى هذه الصفحة، أو انتهت صلاحية الاستمارة. أعيدوا تحميل الصفحة وحاولوا مرة أخرى.
error-404-title = الصفحة غير موجودة
error-404 = الصفحة التي تبحثون عنها غير موجودة أو تم نقلها.
error-409-title = تم التعديل مسبقاً
error-409 = تغيّر هذا العنصر في هذه الأثناء. أعيدوا تحميل الصفحة لرؤية حالته الحالية.
error-410-title = صفحة محذوفة
error-410 = هذه الصفحة لم تعد موجودة.
error-422-title = معلومات غير صالحة
error-422 = بعض المعلومات غير صالحة. صحّحوها وحاولوا مرة أخرى.
error-408-title = الإرسال بطيء جداً
error-408 = وصل ما أرسلتموه ببطء شديد فتم إيقافه. تحققوا من اتصالكم ثم حاولوا مرة أخرى.
error-429-title = محاولات كثيرة جداً
error-429 = أرسلتم طلبات كثيرة في وقت قصير. انتظروا بضع دقائق ثم حاولوا مرة أخرى.
error-500-title = خطأ في الخادم
error-500 = حدث خطأ غير متوقع من جهتنا. تم إخبار فريقنا؛ حاولوا مرة أخرى بعد قليل.
error-503-title = الخدمة غير متاحة مؤقتًا
error-503 = لا يستطيع الموقع الوصول إلى قاعدة بياناته حاليًا. لم يضع شيء: حاولوا مرة أخرى بعد بضع ثوانٍ.
error-reference = المرجع: { $id }
error-home = العودة إلى الرئيسية
nav-logout = تسجيل الخروج
form-error-title-prefix = خطأ:
notice-signed-out = تم تسجيل خروجكم. إلى اللقاء!
notice-password-reset = تم تغيير كلمة المرور. سجّلوا الدخول باستعمال كلمة المرور الجديدة.
notice-password-changed = تم تغيير كلمة المرور، وأُغلقت جلساتكم الأخرى.
notice-verification-sent = أرسلنا إليكم للتو رابط تحقق جديداً.
notice-email-change-sent = أُرسل رابط تأكيد إلى البريد الإلكتروني الجديد. الرابط صالح لمدة 24 ساعة.
notice-email-changed = تم تغيير بريدكم الإلكتروني.
notice-profile-saved = تم حفظ الملف الشخصي.
notice-provider-profile-first = أنشئ ملفك كمقدّم خدمة أولًا: ستأتي بعد ذلك خدماتك ومهامك وإحصاءاتك.
notice-notifications-saved = تم حفظ تفضيلات الإشعارات.
notice-session-revoked = تم إغلاق الجلسة.
notice-sessions-revoked = تم إغلاق جميع جلساتكم الأخرى.
notice-two-factor-disabled = تم تعطيل التحقق بخطوتين.
notice-admin-needs-2fa = يجب على المديرين تفعيل التحقق بخطوتين قبل الولوج إلى لوحة الإدارة.
notice-account-deleted = تم حذف حسابكم. شكراً على استعمالكم Khadamat.
notice-service-saved = تم حفظ الخدمة.
notice-decision-saved = تم حفظ القرار وإشعار الحرفي بذلك.
notice-email-retried = بدأت محاولة جديدة؛ الرسالة في طريقها.
notice-email-not-retried = أُرسلت هذه الرسالة للتو أو هي قيد الإرسال: لا شيء لإعادة المحاولة.
nav-notifications = الإشعارات
nav-unread = غير مقروءة
notice-booking-requested = تم إرسال الطلب: أمام الحرفي 24 ساعة للرد.
notice-booking-updated = تم تحديث الحجز.
notice-notifications-all-read = تم تعليم كل الإشعارات كمقروءة.
notice-notification-deleted = تم حذف الإشعار.
nav-messages = الرسائل
notice-review-saved = تم حفظ تقييمك.
notice-review-deleted = تم حذف تقييمك.
notice-conversation-reported = شكرًا: سيراجع فريق الإشراف ما أبلغت عنه.
notice-review-reported = شكرًا: سيراجع فريق الإشراف هذا التقييم.
notice-review-replied = تم نشر ردك.

notice-photo-saved = صورتك منشورة الآن.
notice-photo-removed = أُزيلت صورتك.
form-choose = اختر…
