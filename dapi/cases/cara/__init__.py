"""Project CARA: workshops under a conditional or diversionary caution, the bookings of cautioned
men on them, and the breaches (a missed workshop) reported to the case's police contact."""
