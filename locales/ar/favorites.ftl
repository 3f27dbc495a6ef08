favorites-title = مفضلتي
favorites-empty = لا توجد لديكم مفضلات بعد. أضيفوا حرفيين من البحث أو من صفحاتهم.
favorite-add = إضافة إلى المفضلة
favorite-remove = إزالة من المفضلة
