package password

import "github.com/vigie-security/vigie/internal/check"

// capped sets the grade a failing check limits a policy to.
func capped(m check.Meta, g check.Grade) check.Meta {
	m.CapOnFail = g
	return m
}

// All returns the family's policy checks and its stored-hash checks.
func All() check.Catalogue { return append(Checks(), HashChecks()...) }

// Checks returns the policy checks, CNIL first, then ANSSI.
func Checks() check.Catalogue {
	return check.Catalogue{
		check.Typed[Evidence]{M: metaCNILCase, Fn: evalCNILCase},
		check.Typed[Evidence]{M: capped(metaCNILStorage, "E"), Fn: evalCNILStorage},
		check.Typed[Evidence]{M: metaCNILRenewal, Fn: evalCNILRenewal},
		check.Typed[Evidence]{M: capped(metaCNILClear, "E"), Fn: evalCNILClear},
		check.Typed[Evidence]{M: metaCNILReset, Fn: evalCNILReset},
		check.Typed[Evidence]{M: metaANSSILength, Fn: evalANSSILength},
		check.Typed[Evidence]{M: metaANSSIMaxLength, Fn: evalANSSIMaxLength},
		check.Typed[Evidence]{M: metaANSSIExpiry, Fn: evalANSSIExpiry},
		check.Typed[Evidence]{M: metaANSSIBlacklist, Fn: evalANSSIBlacklist},
		check.Typed[Evidence]{M: metaANSSIAttempts, Fn: evalANSSIAttempts},
		check.Typed[Evidence]{M: metaANSSIStorage, Fn: evalANSSIStorage},
		check.Typed[Evidence]{M: metaANSSIMFA, Fn: evalANSSIMFA},
	}
}
