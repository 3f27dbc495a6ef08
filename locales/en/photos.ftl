## Photos: what an upload may be refused for (shown at the form's field).

photo-error-not-picture = This file is not a photo. Send a JPEG, PNG or WebP picture.
photo-error-svg = SVG drawings are not accepted. Send a JPEG, PNG or WebP photo.
photo-error-heic = iPhone HEIC photos are not accepted. On the iPhone: Settings › Camera › Formats › “Most Compatible”, or save the photo to Files as a JPEG, then send it again.
photo-error-animated = Animated pictures (animated GIF, PNG or WebP) are not accepted. Send a still photo.
photo-error-damaged = This file is incomplete or damaged (the upload may have been cut off). Try again with the original photo.
photo-error-too-many-pixels = This picture is too large (over 50 million pixels, or a side over 12,000 pixels). Send a smaller photo.

photo-error-missing = Choose a photo to upload.
provider-photo-alt = Photo of { $name }
