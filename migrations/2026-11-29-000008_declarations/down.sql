DROP TABLE declaration_reminders;
DROP TABLE declarations;
DROP TABLE declaration_years;
