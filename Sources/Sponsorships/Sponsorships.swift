// Sponsorships: under construction.
