package password

import "github.com/vigie-security/vigie/internal/check"

// capped sets the grade a failing check limits a policy to.
func capped(m check.Meta, g check.Grade) check.Meta {
	m.CapOnFail = g
	return m
}

// All returns the family's policy checks and its stored-hash checks.
func All() check.Catalogue { return append(Checks(), HashChecks()...) }

// Checks returns the policy checks, CNIL first, then ANSSI, then PAM's nullok.
func Checks() check.Catalogue {
	return check.Catalogue{
		check.Typed[Evidence]{M: metaCNILCase, Fn: noted(evalCNILCase)},
		check.Typed[Evidence]{M: capped(metaCNILStorage, "E"), Fn: noted(evalCNILStorage, AboutStorage)},
		check.Typed[Evidence]{M: metaCNILRenewal, Fn: noted(evalCNILRenewal, AboutExpiry)},
		check.Typed[Evidence]{M: capped(metaCNILClear, "E"), Fn: noted(evalCNILClear, AboutAll)},
		check.Typed[Evidence]{M: metaCNILReset, Fn: noted(evalCNILReset, AboutAll)},
		check.Typed[Evidence]{M: metaANSSILength, Fn: noted(evalANSSILength, AboutStrength)},
		check.Typed[Evidence]{M: metaANSSIMaxLength, Fn: noted(evalANSSIMaxLength, AboutStrength)},
		check.Typed[Evidence]{M: metaANSSIExpiry, Fn: noted(evalANSSIExpiry, AboutExpiry)},
		check.Typed[Evidence]{M: metaANSSIBlacklist, Fn: noted(evalANSSIBlacklist, AboutBlacklist)},
		check.Typed[Evidence]{M: metaANSSIAttempts, Fn: noted(evalANSSIAttempts, AboutLockout)},
		check.Typed[Evidence]{M: metaANSSIStorage, Fn: noted(evalANSSIStorage, AboutStorage)},
		check.Typed[Evidence]{M: metaANSSIMFA, Fn: noted(evalANSSIMFA, AboutAll)},
		check.Typed[Evidence]{M: metaEmpty, Fn: noted(evalEmpty, AboutEmpty)},
	}
}
