// App: under construction.
