## Photos: what an upload may be refused for (shown at the form's field).

photo-error-not-picture = This file is not a photo. Send a JPEG, PNG or WebP picture.
photo-error-svg = SVG drawings are not accepted. Send a JPEG, PNG or WebP photo.
photo-error-heic = iPhone HEIC photos are not accepted. On the iPhone: Settings › Camera › Formats › “Most Compatible”, or save the photo to Files as a JPEG, then send it again.
photo-error-animated = Animated pictures (animated GIF, PNG or WebP) are not accepted. Send a still photo.
photo-error-damaged = This file is incomplete or damaged (the upload may have been cut off). Try again with the original photo.
photo-error-too-many-pixels = This picture is too large (over 50 million pixels, or a side over 12,000 pixels). Send a smaller photo.

photo-error-missing = Choose a photo to upload.
provider-photo-alt = Photo of { $name }
photo-error-portfolio-full = Your portfolio already has 12 photos. Delete one to add another.
photo-error-already-in-portfolio = This photo is already in your portfolio.
photo-error-caption = A caption is at most 140 characters long.
photo-preview = Preview of the chosen photo
photo-uploading = Uploading the photo

## The portfolio (provider side).
portfolio-title = Your work
portfolio-lead = Show up to 12 photos of your jobs: before/after, finishes, careful work. Clients see them on your page.
portfolio-add-title = Add a photo
portfolio-field-photo = Photo of a job
portfolio-hint = JPEG, PNG or WebP, 10 MB at most. Camera data (GPS location included) is removed.
portfolio-captions = Caption (optional)
portfolio-caption-fr = In French
portfolio-caption-ar = In Arabic
portfolio-caption-en = In English
portfolio-send = Add to portfolio
portfolio-list-title = Your photos
portfolio-empty = No photos yet. A first photo of a job reassures your future clients.
portfolio-alt = Photo of a job
portfolio-save-captions = Save caption
portfolio-earlier = Move up
portfolio-later = Move down
portfolio-delete = Delete
portfolio-alt-of = Work by { $name }
provider-portfolio = Past work

## A person's avatar.
account-avatar-title = Your photo
account-avatar-hint = JPEG, PNG or WebP, 10 MB at most. Providers see your photo on your bookings and messages.

## Reports about a picture.
photo-report-title = Report a photo
photo-report-alt = The reported photo
photo-report-reason = What is wrong with this photo?
photo-report-hint = For example: shocking, stolen, unrelated to the trade (at least 5 characters).
photo-report-submit = Send the report
photo-report-link = Report
photo-report-profile = Report the profile photo
notice-photo-reported = Thank you: the moderation team will look at this photo.
notice-portfolio-saved = Your portfolio is saved.

## Back office: reported pictures.
admin-photos-title = Reported photos
admin-photos-empty = No reported photo.
admin-photos-alt = Reported photo
admin-photos-page = See the page
admin-photos-kind-photo = profile photo
admin-photos-kind-portfolio = portfolio
admin-photos-kind-avatar = account photo
admin-photos-reason = Reason (sent to the person if the photo is removed)
admin-photos-remove = Remove the photo
admin-photos-dismiss = Dismiss
email-admin-photo-removed-subject = One of your photos was removed
email-admin-photo-removed-body = The Khadamat team removed one of your photos, which did not follow our rules. Reason: { $detail }
