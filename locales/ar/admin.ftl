admin-providers-title = حرفيون في انتظار الموافقة
admin-providers-empty = لا يوجد أي حرفي في انتظار الموافقة.
admin-approve = موافقة
admin-reject = رفض
admin-reject-reason = سبب الرفض
admin-error-reason = أدخلوا سبباً من 5 إلى 1000 حرف: سيتوصل به الحرفي.
