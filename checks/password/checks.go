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
		check.Typed[Evidence]{M: capped(metaCNILStorage, "E"), Fn: noted(evalCNILStorage)},
		check.Typed[Evidence]{M: metaCNILRenewal, Fn: noted(evalCNILRenewal)},
		check.Typed[Evidence]{M: capped(metaCNILClear, "E"), Fn: noted(evalCNILClear)},
		check.Typed[Evidence]{M: metaCNILReset, Fn: noted(evalCNILReset)},
		check.Typed[Evidence]{M: metaANSSILength, Fn: noted(evalANSSILength)},
		check.Typed[Evidence]{M: metaANSSIMaxLength, Fn: noted(evalANSSIMaxLength)},
		check.Typed[Evidence]{M: metaANSSIExpiry, Fn: noted(evalANSSIExpiry)},
		check.Typed[Evidence]{M: metaANSSIBlacklist, Fn: noted(evalANSSIBlacklist)},
		check.Typed[Evidence]{M: metaANSSIAttempts, Fn: noted(evalANSSIAttempts)},
		check.Typed[Evidence]{M: metaANSSIStorage, Fn: noted(evalANSSIStorage)},
		check.Typed[Evidence]{M: metaANSSIMFA, Fn: noted(evalANSSIMFA)},
		check.Typed[Evidence]{M: metaEmpty, Fn: noted(evalEmpty)},
	}
}
