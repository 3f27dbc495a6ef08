auth-register-title = إنشاء حساب
auth-register-lead = مجاناً وفي دقيقة واحدة. ستؤكدون بريدكم الإلكتروني قبل الحجز أو نشر خدماتكم.
auth-register-submit = إنشاء حسابي
auth-register-have-account = لديكم حساب بالفعل؟
auth-field-role = أريد
auth-role-client = إيجاد مقدم خدمة
auth-role-client-hint = لأشغالي وخدماتي المنزلية.
auth-role-provider = عرض خدماتي
auth-role-provider-hint = بصفتي حرفياً أو مهنياً.
auth-field-first-name = الاسم الشخصي
auth-field-last-name = الاسم العائلي
auth-field-email = البريد الإلكتروني
auth-field-phone = الهاتف المحمول
auth-field-password = كلمة المرور
auth-field-new-password = كلمة المرور الجديدة
auth-field-current-password = كلمة المرور الحالية
auth-field-password-confirmation = تأكيد كلمة المرور
auth-field-terms = أوافق على شروط الاستخدام وسياسة الخصوصية:
auth-field-remember = البقاء متصلاً على هذا الجهاز
auth-field-code = رمز التحقق
auth-password-hint = 12 حرفاً على الأقل. يُفضَّل استعمال جملة يسهل عليكم تذكرها.
auth-check-email-title = تفقدوا بريدكم الإلكتروني
auth-check-email-body = إذا كان من الممكن استعمال هذا البريد الإلكتروني، فستتوصلون برسالة تتضمن رابطاً لتأكيد تسجيلكم. الرابط صالح لمدة 24 ساعة.
auth-check-email-hint = لم تتوصلوا بأي شيء بعد بضع دقائق؟ تفقدوا مجلد الرسائل غير المرغوب فيها، ثم سجّلوا الدخول لطلب رابط جديد.
auth-verified-title = تم تأكيد البريد الإلكتروني
auth-verified-body = شكراً! يمكنكم الآن الحجز وتبادل الرسائل ونشر خدماتكم.
auth-link-problem-title = هذا الرابط لا يعمل
auth-link-unknown = هذا الرابط غير صالح. تأكدوا من نسخه كاملاً.
auth-link-expired = انتهت صلاحية هذا الرابط. اطلبوا رابطاً جديداً.
auth-link-used = سبق استعمال هذا الرابط.
auth-verify-resend-hint = سجّلوا الدخول: ستتمكنون من طلب رابط تحقق جديد من حسابكم.
auth-login-title = تسجيل الدخول
auth-login-submit = تسجيل الدخول
auth-login-no-account = ليس لديكم حساب بعد؟
auth-login-invalid = البريد الإلكتروني أو كلمة المرور غير صحيحة.
auth-login-suspended = حسابك معلّق: لا يمكنك تسجيل الدخول حاليًا.
auth-login-suspended-contact = راسلنا لمعرفة المزيد أو للاعتراض على القرار.
auth-login-slow-down = فشلت عدة محاولات. انتظروا بضع ثوانٍ قبل المحاولة مرة أخرى.
auth-login-locked = { $count ->
    [zero] محاولات فاشلة كثيرة جداً: تم حظر تسجيل الدخول مؤقتاً، ويمكنكم المحاولة مرة أخرى بعد أقل من دقيقة. يمكنكم أيضاً إعادة تعيين كلمة المرور.
    [one] محاولات فاشلة كثيرة جداً: تم حظر تسجيل الدخول مؤقتاً، ويمكنكم المحاولة مرة أخرى بعد دقيقة واحدة. يمكنكم أيضاً إعادة تعيين كلمة المرور.
    [two] محاولات فاشلة كثيرة جداً: تم حظر تسجيل الدخول مؤقتاً، ويمكنكم المحاولة مرة أخرى بعد دقيقتين. يمكنكم أيضاً إعادة تعيين كلمة المرور.
    [few] محاولات فاشلة كثيرة جداً: تم حظر تسجيل الدخول مؤقتاً، ويمكنكم المحاولة مرة أخرى بعد { $count } دقائق. يمكنكم أيضاً إعادة تعيين كلمة المرور.
    [many] محاولات فاشلة كثيرة جداً: تم حظر تسجيل الدخول مؤقتاً، ويمكنكم المحاولة مرة أخرى بعد { $count } دقيقة. يمكنكم أيضاً إعادة تعيين كلمة المرور.
   *[other] محاولات فاشلة كثيرة جداً: تم حظر تسجيل الدخول مؤقتاً، ويمكنكم المحاولة مرة أخرى بعد { $count } دقيقة. يمكنكم أيضاً إعادة تعيين كلمة المرور.
}
auth-forgot-link = نسيتم كلمة المرور؟
auth-forgot-title = نسيت كلمة المرور
auth-forgot-lead = أدخلوا البريد الإلكتروني المرتبط بحسابكم: سنرسل إليكم رابطاً لاختيار كلمة مرور جديدة.
auth-forgot-submit = إرسال الرابط
auth-forgot-sent = إذا كان هناك حساب مرتبط بهذا البريد الإلكتروني، فقد أُرسلت إليه للتو رسالة تتضمن رابطاً لإعادة التعيين. الرابط صالح لمدة ساعة واحدة.
auth-reset-title = اختيار كلمة مرور جديدة
auth-reset-submit = حفظ كلمة المرور
auth-reset-new-link = طلب رابط جديد
auth-two-factor-title = التحقق بخطوتين
auth-two-factor-lead = أدخلوا الرمز المكون من 6 أرقام الظاهر في تطبيق المصادقة لديكم.
auth-two-factor-recovery-hint = أضعتم هاتفكم؟ أدخلوا أحد رموزكم الاحتياطية.
auth-two-factor-submit = تحقق
auth-error-email-required = أدخلوا بريدكم الإلكتروني.
auth-error-email-invalid = يبدو أن هذا البريد الإلكتروني غير صالح (مثال: name@example.ma).
auth-error-first-name-required = اكتبوا اسمكم الشخصي.
auth-error-last-name-required = اكتبوا اسمكم العائلي.
auth-error-first-name-too-long = يجب ألا يتجاوز الاسم الشخصي 60 حرفاً.
auth-error-last-name-too-long = يجب ألا يتجاوز الاسم العائلي 60 حرفاً.
auth-error-phone-required = أدخلوا رقم هاتف محمول مغربي.
auth-error-phone-invalid = المطلوب رقم مغربي: 06 أو 07 أو 05 متبوعاً بـ 8 أرقام، أو ‎+212.
auth-error-role-required = اختاروا ما إذا كنتم تبحثون عن مقدم خدمة أو تعرضون خدماتكم.
auth-error-password-too-short = يجب أن تتكون كلمة المرور من 12 حرفاً على الأقل.
auth-error-password-too-long = كلمة المرور طويلة جداً (1024 حرفاً على الأكثر).
auth-error-password-common = كلمة المرور هذه شائعة جداً أو سبق تسريبها: اختاروا كلمة مرور أخرى.
auth-error-password-guessable = يسهل تخمين كلمة المرور هذه (اسمكم أو بريدكم الإلكتروني أو عدد قليل جداً من الأحرف المختلفة).
auth-error-password-mismatch = كلمتا المرور غير متطابقتين.
auth-error-password-same = يجب أن تختلف كلمة المرور الجديدة عن الحالية.
auth-error-password-wrong = كلمة المرور غير صحيحة.
auth-error-terms-required = يجب أن توافقوا على شروط الاستخدام لإنشاء حساب.
auth-error-code-wrong = هذا الرمز غير صالح أو سبق استعماله. انتظروا الرمز التالي وحاولوا مرة أخرى.
