from odsm.core.errors import AppError


class DemoRefused(AppError):
    status_code = 409
    code = "demo.database_not_empty"
    default_message = "Demo data goes only into an empty database; this one already holds school records."


class DemoLoadInProgress(DemoRefused):
    code = "demo.already_running"
    default_message = "The demo school is already being loaded."
