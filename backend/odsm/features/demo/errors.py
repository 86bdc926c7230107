from odsm.core.record_errors import Conflict


class DemoRefused(Conflict):
    code = "demo.database_not_empty"
    default_message = "Demo data goes only into an empty database; this one already holds school records."


class DemoLoadInProgress(DemoRefused):
    code = "demo.already_running"
    default_message = "The demo school is already being loaded."
