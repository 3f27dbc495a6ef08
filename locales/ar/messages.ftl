messages-title = الرسائل
messages-empty = لا توجد محادثات بعد. تواصل مع حرفي من صفحته.
messages-with = محادثة مع { $name }
messages-see-profile = عرض ملف الحرفي
messages-older = الرسائل السابقة
messages-thread-empty = لا توجد رسائل بعد: اكتب الرسالة الأولى.
messages-thread-label = رسائل المحادثة
messages-send-label = رسالتك
messages-send = إرسال
messages-refresh = تحديث المحادثة
messages-seen = تمت المشاهدة
message-error-empty = اكتب رسالة قبل إرسالها.
message-error-too-long = لا تتجاوز الرسالة 5000 حرف.
message-error-rate = رسائل كثيرة في وقت قصير: انتظر دقيقة.
message-error-self = لا يمكنك مراسلة نفسك.
message-error-verify-email = أكّد بريدك الإلكتروني قبل مراسلة حرفي.
email-message-subject = راسلك { $name }
email-message-body = راسلك { $name } على Khadamat:
email-message-count = { $count ->
    [zero] لا توجد رسائل غير مقروءة.
    [one] رسالة واحدة غير مقروءة.
    [two] رسالتان غير مقروءتين.
    [few] { $count } رسائل غير مقروءة.
    [many] { $count } رسالة غير مقروءة.
   *[other] { $count } رسالة غير مقروءة.
}
email-message-action = الرد
messages-bookings = الحجوزات بينكما
messages-report = إبلاغ
messages-report-conversation-link = الإبلاغ عن المحادثة
messages-report-title = إبلاغ فريق Khadamat
messages-report-back = العودة إلى المحادثة
messages-report-conversation = أنت تبلغ عن المحادثة كاملة: سيقرؤها الفريق كلها.
messages-report-reason = ماذا يحدث؟
messages-report-hint = من 5 إلى 1000 حرف: شتائم، تهديدات، احتيال، طلب دفع خارج Khadamat…
messages-report-submit = إرسال البلاغ
