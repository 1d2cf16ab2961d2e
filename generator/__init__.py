"""pressgen: bilingual statistical press releases written from the figures, and checked against them."""

__version__ = "0.1.0"
