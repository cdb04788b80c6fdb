package eval

// GoldRows lets the external tests build the rows of a perfect run.
var GoldRows = goldRows
