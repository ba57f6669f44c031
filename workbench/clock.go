package workbench

import "time"

func now() time.Time { return time.Now() }

// since is the seconds since t, for the page's "took 0.4 s".
func since(t time.Time) float64 { return time.Since(t).Seconds() }
