"""Checks on files an administrator uploads for reports."""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 3000
# Raster formats only: an SVG is a document that can ask the renderer to fetch other files.
LOGO_FORMATS = {"PNG", "JPEG"}


def validate_logo(file) -> None:
    """A logo must be a real PNG or JPEG image of sensible size, whatever its name says."""
    if file.size > MAX_LOGO_BYTES:
        raise ValidationError(
            f"The logo is too large: keep it under {MAX_LOGO_BYTES // 1024} KB.", code="too_large"
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        # A few bytes can declare billions of pixels: Pillow's bomb check (a warning, then an
        # error) refuses them before any is decoded, and the size below refuses the rest.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
        with image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise ValidationError(
            f"The logo is too big: at most {MAX_LOGO_PIXELS} pixels wide and high.",
            code="too_big",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            "The logo must be a PNG or JPEG image.", code="not_an_image"
        ) from error
    finally:
        file.seek(position)
    if image_format not in LOGO_FORMATS:
        raise ValidationError("The logo must be a PNG or JPEG image.", code="wrong_format")
    if width > MAX_LOGO_PIXELS or height > MAX_LOGO_PIXELS:
        raise ValidationError(
            f"The logo is too big: at most {MAX_LOGO_PIXELS} pixels wide and high.",
            code="too_big",
        )
