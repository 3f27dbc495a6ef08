## Booking form (BookingModal)
book-title = حجز { $name }
book-service = الخدمة
book-date = التاريخ
book-time = وقت البدء
book-show-times = عرض الأوقات المتاحة
book-choose-date = اختر خدمة وتاريخًا لرؤية الأوقات المتاحة.
book-no-slots = لا يوجد وقت متاح يوم { $date }. جرّب يومًا آخر.
book-address = العنوان (الشارع، الحي)
book-city = المدينة
book-description = صف حاجتك
book-description-hint = ما يجب القيام به، طريقة الوصول، المعدات المتوفرة (من 10 إلى 2000 حرف).
book-duration = { $count ->
    [zero] { $count } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
book-price-estimate = سعر تقديري: يُتفق على المبلغ النهائي مع الحرفي.
book-payment-cash = الدفع للحرفي عند انتهاء العمل (نقدًا بشكل افتراضي).
book-answer-within = أمام الحرفي 24 ساعة للرد (أو حتى موعد البدء إن كان أقرب).
book-submit = إرسال الطلب
book-no-services = لا يقدّم هذا الحرفي أي خدمة حاليًا.
book-error-verify-email = أكّد بريدك الإلكتروني قبل الحجز.
book-error-own = لا يمكنك حجز خدماتك الخاصة.
book-error-service = اختر إحدى الخدمات المعروضة.
book-error-date = أدخل تاريخًا صحيحًا (YYYY-MM-DD).
book-error-time = اختر وقت بدء من بين الأوقات المتاحة.
book-error-address = أدخل العنوان (من 5 إلى 300 حرف).
book-error-city = اختر مدينة من القائمة.
book-error-description = صف حاجتك في 10 إلى 2000 حرف.
book-error-stale-form = انتهت صلاحية هذه الاستمارة: أعد تحميل الصفحة وحاول مجددًا.
book-error-too-soon = يجب أن يكون البدء بعد ساعتين على الأقل من الآن.
book-error-too-far = يمكن الحجز حتى 60 يومًا مسبقًا.
book-error-day-off = الحرفي لا يعمل في هذا اليوم.
book-error-outside-hours = هذا الوقت خارج أوقات عمل الحرفي.
book-error-taken = تم حجز هذا الوقت للتو: اختر وقتًا آخر.

## Statuses
booking-status-pending = في الانتظار
booking-status-confirmed = مؤكَّد
booking-status-in-progress = قيد التنفيذ
booking-status-completed = منتهٍ
booking-status-cancelled = ملغى
booking-status-cancelled-by-client = ألغاه الزبون
booking-status-cancelled-by-provider = ألغاه مقدّم الخدمة
booking-status-cancelled-by-admin = ألغته Khadamat
booking-status-rejected = مرفوض
booking-status-expired = منتهي الصلاحية

## Booking page
booking-title = الحجز { $reference }
booking-details = التفاصيل
booking-when = الموعد
booking-price = السعر
booking-paid = المدفوع: { $amount }
booking-reason = السبب
booking-reason-slot-taken = قبل الحرفي طلبًا آخر في هذا الوقت.
booking-provider = الحرفي
booking-client = الزبون
booking-client-reviews = { $count ->
    [zero] لا توجد تقييمات
    [one] تقييم واحد
    [two] تقييمان
    [few] { $count } تقييمات
    [many] { $count } تقييمًا
   *[other] { $count } تقييم
}
booking-answer-by = الرد منتظر قبل { $when }.
booking-late-cancellation = إلغاء متأخر
booking-actions = الإجراءات
booking-accept = قبول
booking-reject = رفض…
booking-reject-confirm = رفض الطلب
booking-start = بدء العمل
booking-complete = إنهاء العمل
booking-amount = المبلغ المدفوع (درهم)
booking-amount-hint = ما دفعه الزبون فعلًا.
booking-cancel = إلغاء…
booking-cancel-confirm = تأكيد الإلغاء
booking-cancel-free = الإلغاء مجاني حتى 24 ساعة قبل البدء.
booking-cancel-late = يبدأ العمل بعد أقل من 24 ساعة: سيُسجَّل الإلغاء كإلغاء متأخر.
booking-cancel-provider = سيتم إخبار الزبون؛ تُحتسب الإلغاءات في إحصائياتك.
booking-timeline = السجل
booking-error-reason = اذكر سببًا (من 5 إلى 1000 حرف).
booking-error-amount = أدخل المبلغ المدفوع بالدرهم (مثلًا 250).
booking-refused-moved-on = تغيّر هذا الحجز في الأثناء: هذه حالته الحالية.
booking-refused-not-allowed = لا يمكنك القيام بهذا الإجراء.
booking-refused-too-early = يمكن بدء العمل قبل الموعد بـ30 دقيقة على الأكثر.

## Client list (MesReservations)
bookings-title = حجوزاتي
bookings-tabs-label = الفترة
bookings-upcoming = القادمة
bookings-past = السابقة
bookings-filter-label = التصفية حسب الحالة
bookings-empty = لا توجد حجوزات هنا.
bookings-find = ابحث عن حرفي

## Provider list (Missions)
missions-title = المهام
missions-pending = طلبات بانتظار الرد
missions-pending-empty = لا توجد طلبات في الانتظار.
missions-time-left = متبقٍّ { $hours } س { $minutes } د للرد
missions-agenda = جدول الأسبوع
missions-week-previous = الأسبوع السابق
missions-week-next = الأسبوع التالي
missions-day-free = فارغ
missions-week-free = لا مهام هذا الأسبوع: أوقاتك تبقى مفتوحة للحجز.
missions-week-availability = مراجعة أوقات عملي
missions-history = كل المهام
missions-all = الكل
missions-empty = لا توجد مهام هنا.

## Notification centre
notifications-title = الإشعارات
notifications-empty = لا توجد إشعارات.
notifications-read-all = تعليم الكل كمقروء
notifications-mark-read = تعليم كمقروء
notifications-delete = حذف
notification-booking-request = طلب جديد من { $name }: { $service }، يوم { $when }.
notification-booking-confirmed = قبل { $name } حجزك { $reference } ليوم { $when }.
notification-booking-rejected = تم رفض طلبك { $reference }: { $reason }
notification-booking-cancelled = { $by ->
    [client] ألغى الزبون الحجز { $reference } ليوم { $when }.
    [provider] ألغى مقدّم الخدمة الحجز { $reference } ليوم { $when }.
    [admin] ألغت Khadamat الحجز { $reference } ليوم { $when }.
   *[other] تم إلغاء الحجز { $reference } ليوم { $when }.
}
notification-booking-expired = انتهت صلاحية الطلب { $reference } دون رد.
notification-booking-started = بدأ العمل { $reference }.
notification-booking-completed = انتهى العمل { $reference }.
notification-booking-reminder-expiry = طلب { $name } رقم { $reference } ينتهي قريبًا: قم بالرد عليه.
notification-booking-reminder-job = تذكير: { $service } يوم { $when } ({ $reference }).
notification-provider-approved = تم نشر ملفك كحرفي.
notification-provider-rejected = لم تتم الموافقة على ملفك كحرفي: { $reason }
notification-generic = لديك إشعار جديد.

## Emails
email-booking-action = عرض الحجز
email-booking-request-subject = طلب جديد: { $service }
email-booking-request-body = يطلب { $name } «{ $service }» يوم { $when } (الحجز { $reference }). قم بالرد خلال 24 ساعة وإلا انتهت صلاحية الطلب.
email-booking-confirmed-subject = تم تأكيد الحجز: { $service }
email-booking-confirmed-body = قبل { $name } طلبك «{ $service }» ليوم { $when } (الحجز { $reference }).
email-booking-rejected-subject = تم رفض الطلب: { $service }
email-booking-rejected-body = تم رفض طلبك «{ $service }» ليوم { $when } (الحجز { $reference }). السبب: { $reason }
email-booking-cancelled-subject = { $by ->
    [client] ألغى الزبون الحجز: { $service }
    [provider] ألغى مقدّم الخدمة الحجز: { $service }
    [admin] ألغت Khadamat الحجز: { $service }
   *[other] تم إلغاء الحجز: { $service }
}
email-booking-cancelled-body = { $by ->
    [client] ألغى الزبون الحجز { $reference } («{ $service }»، يوم { $when }).
    [provider] ألغى مقدّم الخدمة الحجز { $reference } («{ $service }»، يوم { $when }).
    [admin] ألغت Khadamat الحجز { $reference } («{ $service }»، يوم { $when }).
   *[other] تم إلغاء الحجز { $reference } («{ $service }»، يوم { $when }).
} { $reason }
email-booking-expired-subject = انتهت صلاحية الطلب: { $service }
email-booking-expired-body = انتهت صلاحية الطلب { $reference } («{ $service }»، يوم { $when }) دون رد من الحرفي.
email-booking-started-subject = بدأ العمل: { $service }
email-booking-started-body = بدأ العمل { $reference } («{ $service }»).
email-booking-completed-subject = انتهى العمل: { $service }
email-booking-completed-body = انتهى العمل { $reference } («{ $service }»، يوم { $when }). شكرًا لاستعمالك Khadamat.
email-booking-reminder-expiry-subject = طلب بانتظار ردك: { $service }
email-booking-reminder-expiry-body = ينتهي طلب { $name } لـ«{ $service }» يوم { $when } (الحجز { $reference }) بعد أقل من ساعتين. اقبله أو ارفضه.
email-booking-reminder-job-subject = تذكير: { $service } غدًا
email-booking-reminder-job-body = تذكير: «{ $service }» يوم { $when } مع { $name } (الحجز { $reference }).
email-generic-subject = إشعار جديد
email-generic-body = لديك إشعار جديد على Khadamat.
booking-parties = الطرفان
booking-message = إرسال رسالة
booking-reason-account-deleted = حذف الطرف الآخر حسابه على Khadamat.
