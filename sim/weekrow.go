// The weekly table's row: its columns, named once, and written each week.

package sim

// rowWriter writes one weekly row, a column at a time. It is a local
// value in writeRow, so that the row's length stays in a register rather
// than being stored back to the metrics at every column.
type rowWriter struct {
	row    []float64
	naming *metrics // the metrics to name the columns of, on the first row only
}

// put adds one column: its name and its unit from the registry the first
// time, its value always.
func (r *rowWriter) put(name string, v float64) {
	if r.naming != nil {
		r.naming.name(name)
	}
	r.row = append(r.row, v) // small enough to inline: ~70 columns a week
}

func (mt *metrics) name(name string) {
	mt.columns = append(mt.columns, Column{Name: name, Unit: columnReg.unit(name)})
}

// weekColumns name the weekly table's first columns, in the order writeRow
// appends their values (each value's line names its column). The columns of
// groups, roles and profiles follow.
var weekColumns = [...]string{
	ColWeek,
	ColReferrals,
	ColRereferrals,
	ColInappropriate,
	ColFirstContacts,
	ColWaitSum,
	ColReneged,
	ColListJoins,
	ColWaitingListEnd,
	ColWaitingListMean,
	ColListExits,
	ColListSojournSum,
	ColCaseloadEnd,
	ColCaseloadMean,
	ColCaseloadEntries,
	ColCaseloadExits,
	ColCaseloadSojournSum,
	ColHoldingEnd,
	ColHoldingWeeks,
	ColCapacityPlacesMean,
	ColCapacityPlacesEnd,
	ColCapacityHours,
	ColSessionHours,
	ColFTEInPostMean,
	ColPostsFunded,
	ColVacanciesEnd,
	ColVacancyWeeks,
	ColEpisodesCompleted,
	ColShortSupport,
	ColDNA,
	ColDropouts,
	ColVCSEReferrals,
	ColVCSEAccepted,
	ColVCSEDeclined,
	ColVCSEWaitlisted,
	ColVCSERefused,
	ColVCSEGaveUp,
	ColVCSEWaitingEnd,
	ColVCSEWaitingMean,
	ColVCSEPlacesMean,
	ColVCSEOccupiedMean,
	ColVCSEFilledMean,
	ColVCSEClosures,
	ColNeedsMet,
	ColNeedsUnmet,
	ColPeopleNeedsMet,
	ColGPAvoided,
	ColLeavers,
	ColPostsEnded,
	ColHandovers,
	ColPressureSum,
	ColLWAssessed,
	ColCostLW,
	ColCostRecruitment,
	ColCostVCSE,
	ColCostSupervision,
	ColEpisodeWeeksSum,
	ColEpisodeContactsSum,
	ColNeedsUnseen,
	ColReferralsEnded,
}

// writeRow defines the weekly table: every column, in order.
func (mt *metrics) writeRow(m *Model, w int, now float64) {
	waitArea := mt.waiting.take(now)
	caseArea := mt.caseload.take(now)
	placesArea := mt.places.take(now)
	fteArea := mt.fte.take(now)
	hoursCap := mt.hoursCap.take(now)
	vcsePlacesArea := mt.vcsePlaces.take(now)
	vcseOccArea := mt.vcseOccupied.take(now)
	vcseFilledArea := mt.vcseFilled.take(now)
	holdingArea := mt.holding.take(now)
	vacantArea := mt.vacant.take(now)
	vcseWaitingArea := mt.vcseWaiting.take(now)
	costLW := fteArea * mt.lwCostPerFTEWeek
	costSup := fteArea * m.p.roles[0].supCost
	var roles roleWeek
	if mt.roleFTE != nil {
		costLW, costSup = 0, 0 // each role at its own pay and supervision
		for r := range mt.roleFTE {
			roles.fte[r], roles.caseload[r] = mt.roleFTE[r].take(now), mt.roleCaseload[r].take(now)
			roles.places[r] = mt.rolePlaces[r].take(now)
			costLW += roles.fte[r] * m.p.roles[r].payPerFTEWeek
			costSup += roles.fte[r] * m.p.roles[r].supCost
		}
	}
	costVCSE := 0.0
	for s := range m.svcs {
		costVCSE += m.svcs[s].costPerWeek()
	}

	// The fixed columns in one append: one capacity check, not one a column.
	r := rowWriter{row: append(mt.row,
		float64(w),            // ColWeek
		mt.referrals,          // ColReferrals
		mt.rereferrals,        // ColRereferrals
		mt.inappropriate,      // ColInappropriate
		mt.firstContacts,      // ColFirstContacts
		mt.waitSum,            // ColWaitSum
		mt.reneged,            // ColReneged
		mt.listJoins,          // ColListJoins
		mt.waiting.v,          // ColWaitingListEnd
		waitArea,              // ColWaitingListMean
		mt.listExits,          // ColListExits
		mt.listSojourn,        // ColListSojournSum
		mt.caseload.v,         // ColCaseloadEnd
		caseArea,              // ColCaseloadMean
		mt.caseEntries,        // ColCaseloadEntries
		mt.caseExits,          // ColCaseloadExits
		mt.caseSojourn,        // ColCaseloadSojournSum
		mt.holding.v,          // ColHoldingEnd
		holdingArea,           // ColHoldingWeeks
		placesArea,            // ColCapacityPlacesMean
		mt.places.v,           // ColCapacityPlacesEnd
		hoursCap,              // ColCapacityHours
		mt.sessionHours,       // ColSessionHours
		fteArea,               // ColFTEInPostMean
		float64(m.posts),      // ColPostsFunded
		mt.vacant.v,           // ColVacanciesEnd
		vacantArea,            // ColVacancyWeeks
		mt.episodes,           // ColEpisodesCompleted
		mt.flows.limitReached, // ColShortSupport
		mt.dna,                // ColDNA
		mt.dropouts,           // ColDropouts
		mt.vcseReferrals,      // ColVCSEReferrals
		mt.vcseAccepted,       // ColVCSEAccepted
		mt.vcseDeclined,       // ColVCSEDeclined
		mt.vcseWaitlisted,     // ColVCSEWaitlisted
		mt.vcseRefused,        // ColVCSERefused
		mt.vcseGaveUp,         // ColVCSEGaveUp
		mt.vcseWaiting.v,      // ColVCSEWaitingEnd
		vcseWaitingArea,       // ColVCSEWaitingMean
		vcsePlacesArea,        // ColVCSEPlacesMean
		vcseOccArea,           // ColVCSEOccupiedMean
		vcseFilledArea,        // ColVCSEFilledMean
		mt.vcseClosures,       // ColVCSEClosures
		mt.needsMet,           // ColNeedsMet
		mt.needsUnmet,         // ColNeedsUnmet
		mt.peopleMet,          // ColPeopleNeedsMet
		mt.gpAvoided,          // ColGPAvoided
		mt.leavers,            // ColLeavers
		mt.postsEnded,         // ColPostsEnded
		mt.handedOver,         // ColHandovers
		mt.pressureSum,        // ColPressureSum
		mt.lwAssessed,         // ColLWAssessed
		costLW,                // ColCostLW
		mt.costRecruitment,    // ColCostRecruitment
		costVCSE,              // ColCostVCSE
		costSup,               // ColCostSupervision
		mt.episodeWeeks,       // ColEpisodeWeeksSum
		mt.episodeContacts,    // ColEpisodeContactsSum
		mt.needsUnseen,        // ColNeedsUnseen
		mt.ended,              // ColReferralsEnded
	)}
	if mt.naming {
		r.naming = mt
		for _, name := range weekColumns {
			mt.name(name)
		}
	}
	mt.writeMembers(&r, m, &roles)
	mt.writeServices(&r, m, now)
	mt.row = r.row
}

// roleWeek is each role's time averages over a week, with several roles.
type roleWeek struct {
	fte, caseload, places [maxTracks]float64
}

// writeMembers adds the columns of each group, role (with several) and
// profile to the row.
func (mt *metrics) writeMembers(r *rowWriter, m *Model, roles *roleWeek) {
	for i, g := range mt.group {
		n := mt.groupCols(m, i)
		r.put(n[0], g.referrals)
		r.put(n[1], g.firstContacts)
		r.put(n[2], g.waitSum)
		r.put(n[3], g.reneged)
		r.put(n[4], g.episodes)
		r.put(n[5], g.limitReached)
		r.put(n[6], g.needsMet)
		r.put(n[7], g.needsUnmet)
		r.put(n[8], g.needsUnseen)
	}
	if mt.roleFTE != nil {
		r.put(ColRoleHandovers, mt.roleHandovers)
		r.put(ColHandoverWaitSum, mt.handoverWaitSum)
		r.put(ColHandoversSeen, mt.handoversSeen)
		for role := range mt.roleFTE {
			n := mt.roleCols(m, role)
			r.put(n[0], roles.fte[role])
			r.put(n[1], roles.caseload[role])
			rf := &mt.role[role]
			r.put(n[2], rf.episodes)
			r.put(n[3], roles.places[role])
			r.put(n[4], rf.leavers)
			r.put(n[5], rf.pressureSum)
			r.put(n[6], rf.assessed)
		}
	}
	for i, pf := range mt.profile {
		n := mt.profileCols(m, i)
		r.put(n[0], pf.episodes)
		r.put(n[1], pf.limitReached)
		r.put(n[2], pf.concluded)
		r.put(n[3], pf.allMet)
		r.put(n[4], pf.firstContacts)
		r.put(n[5], pf.waitSum)
	}
}

// writeServices adds each community service's columns to the row: its
// places, occupied places and waiting list (time averages over the week)
// and the referrals it refused.
func (mt *metrics) writeServices(r *rowWriter, m *Model, now float64) {
	for s := range m.svcs {
		sv := &m.svcs[s]
		n := mt.serviceCols(m, s)
		r.put(n[0], sv.placesLevel.take(now))
		r.put(n[1], sv.occupiedLevel.take(now))
		r.put(n[2], sv.filledLevel.take(now))
		r.put(n[3], sv.waitingLevel.take(now))
		r.put(n[4], sv.refused)
		sv.refused = 0
	}
}

// serviceCols names service s's weekly columns, once.
func (mt *metrics) serviceCols(m *Model, s int) []string {
	for len(mt.snames) <= s {
		name := ServicePrefix + m.p.services[len(mt.snames)].name
		mt.snames = append(mt.snames, memberCols(name, ColVCSEPlacesMean, ColVCSEOccupiedMean, ColVCSEFilledMean, ColVCSEWaitingMean, ColVCSERefused))
	}
	return mt.snames[s]
}

// memberCols are the columns cols of one group, role or profile (member):
// "referrals.most_deprived".
func memberCols(member string, cols ...string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c + "." + member
	}
	return out
}

// groupCols names group i's weekly columns, once: building names every
// week would allocate on the hot path.
func (mt *metrics) groupCols(m *Model, i int) []string {
	for len(mt.gnames) <= i {
		name := m.p.groups[len(mt.gnames)].name
		mt.gnames = append(mt.gnames, memberCols(name, ColReferrals, ColFirstContacts, ColWaitSum,
			ColReneged, ColEpisodesCompleted, ColShortSupport, ColNeedsMet, ColNeedsUnmet, ColNeedsUnseen))
	}
	return mt.gnames[i]
}

// roleCols names role r's weekly columns, once.
func (mt *metrics) roleCols(m *Model, r int) []string {
	for len(mt.rnames) <= r {
		name := RolePrefix + m.p.roles[len(mt.rnames)].name
		mt.rnames = append(mt.rnames, memberCols(name, ColFTEInPostMean, ColCaseloadMean, ColEpisodesCompleted,
			ColCapacityPlacesMean, ColLeavers, ColPressureSum, ColLWAssessed))
	}
	return mt.rnames[r]
}

// profileCols names profile i's weekly columns, once.
func (mt *metrics) profileCols(m *Model, i int) []string {
	for len(mt.pnames) <= i {
		name := ProfilePrefix + m.p.profiles[len(mt.pnames)].name
		mt.pnames = append(mt.pnames, memberCols(name, ColEpisodesCompleted, ColShortSupport, ColSupportedConcluded, ColSupportedAllNeedsMet,
			ColFirstContacts, ColWaitSum))
	}
	return mt.pnames[i]
}
