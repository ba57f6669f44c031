// Package calibrate fits spsim's referral process to a local extract.
//
// An extract is a CSV file with one row per referral: a date and,
// optionally, the person's population group, need profile and the
// referral's outcome. Read accepts what spreadsheets and clinical systems
// actually write (a byte-order mark, CRLF line ends, quoted fields, commas,
// semicolons or tabs, UK dates in several formats, blank rows) and refuses
// anything else naming the line, the column and what is allowed.
//
// Fit estimates the four demand parameters of the model's non-homogeneous
// Poisson process,
//
//	rate(t) = base × (1+growth)^(t/52) × (1 + amplitude·cos(2π(t−peak)/52)),
//
// by maximum likelihood from weekly counts, with 95% profile-likelihood
// intervals. Fragment writes the estimates as a scenario to extend from.
package calibrate
