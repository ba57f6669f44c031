// Package sim is spsim's model of social prescribing capacity: referrals,
// link workers' waiting lists and caseloads, the community (VCSE) services
// they refer people on to, and the workforce that delivers it.
//
// A Model runs one replication of a Config on its own event calendar (package
// des) and random streams, and returns a Result: a weekly table and the
// headline KPIs measured after the warm-up. Files hold one concept each:
// demand, people and waiting list, link workers, support episodes,
// community services, workforce, timeline, metrics and self-checks.
package sim
