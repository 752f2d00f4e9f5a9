"""Share images: rendering (``render``), typesetting, and the Celery task."""
