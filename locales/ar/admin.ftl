admin-providers-title = حرفيون في انتظار الموافقة
admin-providers-empty = لا يوجد أي حرفي في انتظار الموافقة.
admin-approve = موافقة
admin-reject = رفض
admin-reject-reason = سبب الرفض
admin-error-reason = أدخلوا سبباً من 5 إلى 1000 حرف: سيتوصل به الحرفي.
admin-dashboard-title = لوحة القيادة
admin-sections = أقسام لوحة الإدارة
admin-queues = في انتظار المعالجة
admin-users-by-role = الحسابات حسب النوع
admin-new-users = الحسابات الجديدة خلال الفترة
admin-providers-by-status = الحرفيون حسب الوضعية
admin-provider-status-pending = في الانتظار
admin-provider-status-approved = مقبولون
admin-provider-status-rejected = مرفوضون
admin-provider-status-suspended = موقوفون
admin-revenue = الاشتراكات المحصلة خلال الفترة
admin-top-categories = الفئات الأكثر حجزًا
admin-top-cities = المدن الأكثر نشاطًا
admin-bookings-count = { $count ->
    [zero] بدون حجز
    [one] حجز واحد
    [two] حجزان
    [few] { $count } حجوزات
   *[other] { $count } حجزًا
}
admin-chart-bookings-per-day = الحجوزات المنشأة يوميًا
admin-chart-bookings-by-status = حجوزات الفترة حسب الوضعية
admin-chart-revenue = الاشتراكات المحصلة شهريًا
admin-reviews-title = التقييمات المبلغ عنها
admin-reviews-empty = لا يوجد تقييم مبلغ عنه أو مخفي.
admin-reviews-booking = عرض الحجز
admin-reviews-reports = { $count ->
    [one] بلاغ واحد:
    [two] بلاغان:
    [few] { $count } بلاغات:
   *[other] { $count } بلاغًا:
}
admin-reviews-last-reason = آخر قرار:
admin-reviews-reason = السبب (يُرسل إلى صاحب التقييم)
admin-reviews-hide = إخفاء
admin-reviews-restore = إعادة الإظهار
admin-role-clients = الزبناء
admin-role-providers = الحرفيون
admin-role-admins = المشرفون
admin-audit-title = سجل التدقيق
admin-audit-lead = كل إجراء إداري وكل حدث أمني، من الأحدث إلى الأقدم. لا يمكن تعديل السجل.
admin-audit-actor = المنفذ
admin-audit-actor-hint = البريد الإلكتروني أو رقم الحساب أو «system».
admin-audit-action = الإجراء
admin-audit-action-hint = مطابق (review.hidden) أو بادئة تنتهي بنقطة (review.).
admin-audit-target = الهدف
admin-audit-target-id = رقم الهدف
admin-audit-any = الكل
admin-audit-filter = تصفية
admin-audit-reset = عرض الكل
admin-audit-empty = لا يوجد أي إدخال يطابق هذه المرشحات.
admin-audit-shown = { $count ->
    [one] إدخال واحد في هذه الصفحة
    [two] إدخالان في هذه الصفحة
    [few] { $count } إدخالات في هذه الصفحة
   *[other] { $count } إدخالًا في هذه الصفحة
}
admin-audit-when = التاريخ
admin-audit-change = التغيير
admin-audit-ip = عنوان IP
admin-audit-system = النظام
admin-contact-title = رسائل التواصل
admin-contact-tabs = الرسائل
admin-contact-open = في انتظار المعالجة
admin-contact-handled = تمت معالجتها
admin-contact-empty = لا توجد أي رسالة هنا.
admin-contact-language = اللغة
admin-contact-your-reply = الرد المرسل
admin-contact-reply-label = الرد عبر البريد الإلكتروني
admin-contact-reply-hint = ما بين 5 و5000 حرف، تُرسل إلى المرسل بلغته مع رسالته؛ وتصبح الرسالة «تمت معالجتها».
admin-contact-send = إرسال الرد
admin-contact-mark-handled = اعتبارها معالجة دون رد
admin-contact-error-reply = يجب أن يتكون الرد من 5 إلى 5000 حرف.
admin-contact-error-handled = سبقت معالجة هذه الرسالة.
admin-contact-reply-subject = رد من فريق Khadamat
admin-contact-reply-quote = رسالتك:
admin-users-title = المستخدمون
admin-users-search = الاسم أو البريد الإلكتروني أو الهاتف
admin-users-status = الوضعية
admin-user-status-active = نشط
admin-user-status-suspended = موقوف
admin-user-status-deleted = محذوف
admin-users-sort-newest = الأحدث
admin-users-sort-oldest = الأقدم
admin-users-sort-name = الاسم
admin-users-sort-login = آخر دخول
admin-users-empty = لا يوجد مستخدم مطابق.
admin-users-shown = { $count ->
    [one] مستخدم واحد في هذه الصفحة
    [two] مستخدمان في هذه الصفحة
    [few] { $count } مستخدمين في هذه الصفحة
   *[other] { $count } مستخدمًا في هذه الصفحة
}
admin-users-csv = تصدير بصيغة CSV
admin-users-name = الاسم
admin-users-since = تاريخ التسجيل
admin-users-last-login = آخر دخول
admin-users-unverified = عنوان غير مؤكد
admin-users-none = لا شيء بعد.
admin-users-review-written = مكتوب
admin-users-review-received = متوصل به
admin-users-sessions = الجلسات المفتوحة
admin-users-audit-all = سجله كاملًا
admin-user-suspend = إيقاف الحساب
admin-user-suspend-reason = سبب الإيقاف (يُرسل إلى صاحب الحساب)
admin-user-reactivate = إعادة تفعيل الحساب
admin-user-reactivate-reason = سبب إعادة التفعيل
admin-user-verify-email = تأكيد البريد الإلكتروني يدويًا
admin-user-change-role = تغيير نوع الحساب
admin-user-error-self = لا يمكنك اتخاذ هذا القرار بشأن حسابك.
admin-user-error-deleted = هذا الحساب محذوف.
admin-user-error-reason = اذكر سببًا من 5 إلى 1000 حرف.
admin-user-error-moved = تغيّر هذا الحساب في الأثناء؛ أعد تحميل الصفحة.
admin-user-error-role = اختر نوع الحساب.
email-admin-suspended-subject = تم إيقاف حسابك على Khadamat
email-admin-suspended-body = أوقف فريق Khadamat حسابك. السبب: { $detail }. أُلغيت حجوزاتك الجارية. للتواصل بشأن ذلك، راسلنا من صفحة الاتصال.
email-admin-reactivated-subject = أُعيد تفعيل حسابك على Khadamat
email-admin-reactivated-body = حسابك نشط من جديد. السبب: { $detail }.
email-admin-verified-subject = تم تأكيد بريدك الإلكتروني
email-admin-verified-body = أكد فريق Khadamat عنوان بريدك الإلكتروني.
email-admin-role-subject = تغيّر نوع حسابك
email-admin-role-body = غيّر فريق Khadamat نوع حسابك: { $detail }.
email-admin-role-client = زبون
email-admin-role-provider = حرفي
email-admin-role-admin = مشرف
admin-user-badge-reason = السبب
admin-user-badge-grant = منح شارة «موثّق»
admin-user-badge-revoke = سحب شارة «موثّق»
admin-user-error-not-provider = ليس لهذا الحساب ملف حرفي.
admin-user-delete = إخفاء هوية الحساب وحذفه
admin-user-delete-warning = تُمحى المعطيات الشخصية، وتُلغى الحجوزات الجارية (مع إخبار الطرفين)، وتُزال صفحة الحرفي. هذا نهائي.
admin-user-delete-reason = السبب (يُحفظ في السجل)
admin-user-delete-confirm = حذف نهائي
admin-user-club-pro = اشتراك Club Pro نشط
email-admin-badge-subject = تم توثيق ملفك
email-admin-badge-body = منح فريق Khadamat ملفك شارة «موثّق». { $detail }
email-admin-badge-revoked-subject = سُحبت شارة «موثّق» من ملفك
email-admin-badge-revoked-body = سحب فريق Khadamat شارة «موثّق» من ملفك. السبب: { $detail }
admin-bookings-title = الحجوزات
admin-bookings-client-hint = البريد الإلكتروني أو رقم الحساب.
admin-bookings-empty = لا يوجد حجز مطابق.
admin-bookings-shown = { $count ->
    [one] حجز واحد في هذه الصفحة
    [two] حجزان في هذه الصفحة
    [few] { $count } حجوزات في هذه الصفحة
   *[other] { $count } حجزًا في هذه الصفحة
}
admin-bookings-reference = المرجع
admin-providers-all-title = كل الحرفيين
admin-service-reason = سبب التعطيل (يُرسل إلى الحرفي)
admin-service-deactivate = تعطيل هذه الخدمة
email-admin-service-subject = تم تعطيل إحدى خدماتك
email-admin-service-body = عطّل فريق Khadamat خدمتك { $detail }. يمكنك تصحيحها ثم إعادة تفعيلها من فضائك.
admin-booking-conversation = المحادثة بين الطرفين

## Moderation of conversations
admin-conversations-title = المحادثات المبلغ عنها
admin-conversations-empty = لا توجد محادثة ولا رسالة مبلغ عنها.
admin-conversations-message = رسالة مبلغ عنها
admin-conversations-whole = محادثة مبلغ عنها
admin-conversations-reason = سبب الإبلاغ:
admin-conversation-title = المحادثة
admin-conversation-client = الزبون:
admin-conversation-provider = مقدم الخدمة:
admin-conversation-suspend-hint = لتعليق حساب، افتح صفحة الشخص.
admin-conversation-reports = البلاغات عن المحادثة
admin-conversation-system = رسالة تلقائية
admin-conversation-hidden = مخفية
admin-conversation-reason = السبب (يُرسل إلى صاحب الرسالة)
admin-conversation-warn-reason = السبب (يُرسل إلى الشخص المُنذَر)
admin-conversation-hide = إخفاء الرسالة
admin-conversation-restore = إظهار الرسالة من جديد
admin-conversation-warn-title = إنذار أحد المشاركين
admin-conversation-warn-whom = من تريد إنذاره؟
admin-conversation-warn = إرسال الإنذار
admin-conversation-dismiss-title = حفظ البلاغات دون متابعة
admin-conversation-dismiss-note = ملاحظة (للسجل)
admin-conversation-dismiss = حفظ دون متابعة
moderation-error-reason = اذكر سببا من 5 إلى 1000 حرف.
moderation-error-changed = تغيّر هذا العنصر في الأثناء: أعد تحميل الصفحة.
email-admin-message-hidden-subject = أُخفيت إحدى رسائلك
email-admin-message-hidden-body = أخفى فريق Khadamat إحدى رسائلك لأنها لا تحترم قواعدنا. السبب: { $detail }
email-admin-message-restored-subject = رسالتك ظاهرة من جديد
email-admin-message-restored-body = أعاد فريق Khadamat إظهار إحدى رسائلك. السبب: { $detail }
email-admin-warned-subject = إنذار من فريق Khadamat
email-admin-warned-body = يوجّه لك فريق Khadamat إنذارا بخصوص إحدى محادثاتك. السبب: { $detail } في حال التكرار، قد يُعلَّق حسابك.

## Catalogue
admin-catalogue-title = الدليل
admin-catalogue-categories = الفئات
admin-catalogue-cities = المدن
admin-catalogue-new-category = فئة جديدة
admin-catalogue-new-city = مدينة جديدة
admin-catalogue-order = الترتيب
admin-catalogue-name = الاسم
admin-catalogue-name-fr = الاسم بالفرنسية
admin-catalogue-name-ar = الاسم بالعربية
admin-catalogue-name-en = الاسم بالإنجليزية
admin-catalogue-slug = العنوان (slug)
admin-catalogue-icon = الأيقونة
admin-catalogue-latitude = خط العرض
admin-catalogue-longitude = خط الطول
admin-catalogue-state = الحالة
admin-catalogue-used = الاستعمالات
admin-catalogue-served = مقدمو الخدمات
admin-catalogue-shown = ظاهرة
admin-catalogue-hidden = مخفية
admin-catalogue-popular = رائجة
admin-catalogue-merged-into = مدمجة في { $name }
admin-catalogue-save = حفظ
admin-catalogue-merge-title = الدمج في فئة أخرى
admin-catalogue-merge-hint = ينتقل مقدمو خدماتها وخدماتها إلى الفئة المختارة، وتُحوَّل صفحاتها إليها وتبقى مخفية. لا يمكن التراجع عن ذلك.
admin-catalogue-merge-into = الفئة المستقبِلة
admin-catalogue-merge-choose = اختر…
admin-catalogue-merge = دمج
admin-catalogue-delete-title = حذف
admin-catalogue-delete = حذف الفئة
admin-catalogue-in-use = { $count ->
    [one] مستعملة مرة واحدة (مقدم خدمة أو خدمة أو فئة مدمجة): أخفها أو ادمجها.
   *[other] مستعملة { $count } مرات (مقدمو خدمات أو خدمات أو فئات مدمجة): أخفها أو ادمجها.
}
catalogue-error-name-fr = اذكر الاسم بالفرنسية (من 2 إلى 80 حرفا).
catalogue-error-name-ar = اذكر الاسم بالعربية (من 2 إلى 80 حرفا).
catalogue-error-name-en = اذكر الاسم بالإنجليزية (من 2 إلى 80 حرفا).
catalogue-error-slug = العنوان: من 2 إلى 60 حرفا لاتينيا صغيرا بدون نبرات أو أرقاما، والكلمات مفصولة بشرطة.
catalogue-error-slug-taken = هذا العنوان مستعمل من قبل.
catalogue-error-icon = اختر أيقونة من القائمة.
catalogue-error-position = الترتيب رقم من 0 إلى 9999.
catalogue-error-coordinates = اذكر خط عرض وخط طول داخل المغرب (مثلا 33.5731 و‎-7.5898).
catalogue-error-changed = تغيّرت هذه الفئة في الأثناء: هذه نسختها الحالية.
catalogue-error-merge-target = اختر فئة أخرى ظاهرة وغير مدمجة.
catalogue-error-in-use = هذه الفئة مستعملة: أخفها أو ادمجها.
admin-outbox-title = قائمة الرسائل الإلكترونية
admin-outbox-intro = تُحفظ كل رسالة إلكترونية مع العملية التي تسببت فيها، ثم تُرسل. إذا لم تُرسل، تُعاد المحاولة على فترات متزايدة لمدة 24 ساعة، ثم تُصنّف فاشلة مع آخر خطأ.
admin-outbox-tabs = حالات الرسائل الإلكترونية
admin-outbox-pending = في الانتظار
admin-outbox-failed = فاشلة
admin-outbox-sent = مُرسلة
admin-outbox-empty = لا توجد رسائل هنا.
admin-outbox-created = أُنشئت في
admin-outbox-attempts = { $count ->
    [zero] بدون محاولة
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $count } محاولات
   *[other] { $count } محاولة
}
admin-outbox-sent-at = أُرسلت في
admin-outbox-next = المحاولة التالية في
admin-outbox-error = آخر خطأ:
admin-outbox-retry = أعد المحاولة الآن
admin-outbox-failed-title = رسائل إلكترونية فاشلة
admin-club-pro-title = نادي المحترفين
admin-club-pro-members = الأعضاء
admin-club-pro-mrr = الإيراد الشهري المتكرر
admin-club-pro-churn = المغادرون خلال 30 يومًا
admin-club-pro-paid-30d = المحصّل خلال 30 يومًا
admin-club-pro-paid = مجموع المحصّل
admin-club-pro-subscriptions = الاشتراكات
admin-club-pro-none = لا توجد اشتراكات بعد.
admin-club-pro-plan = الصيغة
admin-club-pro-period-end = نهاية الفترة
admin-club-pro-actions = الإجراءات
admin-club-pro-ending = ملغى، يتوقف في نهاية الفترة
admin-club-pro-cancel = إيقاف الآن (Stripe)
admin-club-pro-payments = الأداءات
admin-club-pro-plans = الصيغ
admin-club-pro-price = السعر (درهم)
admin-club-pro-stripe-price = معرّف سعر Stripe
admin-club-pro-stripe-ids = معرّفات Stripe
admin-club-pro-on-offer = معروضة على مقدّمي الخدمات
admin-club-pro-save = حفظ
admin-club-pro-history = اشتراكات نادي المحترفين
