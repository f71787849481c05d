"""The council's year (årshjul): the wheel, the month-by-month list and the calendars."""
