## الصور: أسباب رفض الملف المرسَل (تظهر عند الحقل).

photo-error-not-picture = هذا الملف ليس صورة. أرسل صورة بصيغة JPEG أو PNG أو WebP.
photo-error-svg = رسومات SVG غير مقبولة. أرسل صورة بصيغة JPEG أو PNG أو WebP.
photo-error-heic = صور HEIC من الآيفون غير مقبولة. في الآيفون: الإعدادات › الكاميرا › التنسيقات › «الأكثر توافقًا»، أو احفظ الصورة في «الملفات» بصيغة JPEG، ثم أرسلها من جديد.
photo-error-animated = الصور المتحركة (GIF أو PNG أو WebP متحركة) غير مقبولة. أرسل صورة ثابتة.
photo-error-damaged = هذا الملف ناقص أو تالف (ربما انقطع الإرسال). أعد المحاولة بالصورة الأصلية.
photo-error-too-many-pixels = هذه الصورة كبيرة جدًا (أكثر من 50 مليون بكسل أو ضلع أطول من 12000 بكسل). أرسل صورة أصغر.

photo-error-missing = اختر صورة لإرسالها.
provider-photo-alt = صورة { $name }
photo-error-portfolio-full = يضم معرض أعمالك 12 صورة بالفعل. احذف واحدة لإضافة أخرى.
photo-error-already-in-portfolio = هذه الصورة موجودة بالفعل في معرض أعمالك.
photo-error-caption = لا يتجاوز التعليق 140 حرفًا.
photo-preview = معاينة الصورة المختارة
photo-uploading = جارٍ إرسال الصورة

## The portfolio (provider side).
portfolio-title = أعمالك
portfolio-lead = اعرض حتى 12 صورة من أعمالك: قبل/بعد، التشطيبات، العمل المتقن. يراها العملاء في صفحتك.
portfolio-add-title = إضافة صورة
portfolio-field-photo = صورة من أحد أعمالك
portfolio-hint = JPEG أو PNG أو WebP، بحد أقصى 10 ميغابايت. تُحذف بيانات الجهاز (بما فيها موقع GPS).
portfolio-captions = تعليق (اختياري)
portfolio-caption-fr = بالفرنسية
portfolio-caption-ar = بالعربية
portfolio-caption-en = بالإنجليزية
portfolio-send = أضف إلى معرض الأعمال
portfolio-list-title = صورك
portfolio-empty = لا توجد صور بعد. أول صورة من أعمالك تطمئن عملاءك المقبلين.
portfolio-alt = صورة من أحد الأعمال
portfolio-save-captions = حفظ التعليق
portfolio-earlier = تقديم
portfolio-later = تأخير
portfolio-delete = حذف
portfolio-alt-of = من أعمال { $name }
provider-portfolio = الأعمال المنجزة

## A person's avatar.
account-avatar-title = صورتك
account-avatar-hint = JPEG أو PNG أو WebP، بحد أقصى 10 ميغابايت. يرى مقدمو الخدمات صورتك في حجوزاتك ورسائلك.

## Reports about a picture.
photo-report-title = الإبلاغ عن صورة
photo-report-alt = الصورة المُبلَّغ عنها
photo-report-reason = ما المشكلة في هذه الصورة؟
photo-report-hint = مثلًا: صورة صادمة أو مسروقة أو لا علاقة لها بالمهنة (5 أحرف على الأقل).
photo-report-submit = إرسال البلاغ
photo-report-link = إبلاغ
photo-report-profile = الإبلاغ عن صورة الملف الشخصي
notice-photo-reported = شكرًا: سيفحص فريق الإشراف هذه الصورة.
notice-portfolio-saved = تم حفظ معرض أعمالك.

## Back office: reported pictures.
admin-photos-title = الصور المُبلَّغ عنها
admin-photos-empty = لا توجد صور مُبلَّغ عنها.
admin-photos-alt = صورة مُبلَّغ عنها
admin-photos-page = عرض الصفحة
admin-photos-kind-photo = صورة الملف الشخصي
admin-photos-kind-portfolio = معرض الأعمال
admin-photos-kind-avatar = صورة الحساب
admin-photos-reason = السبب (يُرسل إلى الشخص إذا أُزيلت الصورة)
admin-photos-remove = إزالة الصورة
admin-photos-dismiss = حفظ دون إجراء
email-admin-photo-removed-subject = أُزيلت إحدى صورك
email-admin-photo-removed-body = أزال فريق Khadamat إحدى صورك لأنها لا تحترم قواعدنا. السبب: { $detail }
