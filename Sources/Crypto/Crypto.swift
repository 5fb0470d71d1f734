// Crypto: under construction.
