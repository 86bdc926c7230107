"""An instructor's schedule as an iCalendar file, to import into a phone's calendar."""
