from .smtp_server import inbox

__all__ = ["inbox"]
