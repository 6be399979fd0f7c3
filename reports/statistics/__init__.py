"""The yearly emulation statistics: forms as data (reports.models.StatisticsForm), counted from the app's records."""
