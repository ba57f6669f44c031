package sim

import "github.com/spsim/spsim/scenarios"

// The scenario types live in package scenarios, the layer below the model;
// these aliases keep sim.Config and friends working for code written
// against them.
type (
	Config        = scenarios.Config
	Areas         = scenarios.Areas
	AreaSpec      = scenarios.AreaSpec
	RunSpec       = scenarios.RunSpec
	Demand        = scenarios.Demand
	Initial       = scenarios.Initial
	Profile       = scenarios.Profile
	Group         = scenarios.Group
	Workforce     = scenarios.Workforce
	Supervision   = scenarios.Supervision
	Support       = scenarios.Support
	Limits        = scenarios.Limits
	Service       = scenarios.Service
	Holding       = scenarios.Holding
	Rereferral    = scenarios.Rereferral
	Costs         = scenarios.Costs
	Outcomes      = scenarios.Outcomes
	Change        = scenarios.Change
	ServiceChange = scenarios.ServiceChange
	Role          = scenarios.Role
	Value         = scenarios.Value
)
