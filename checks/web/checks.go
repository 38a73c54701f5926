package web

import "github.com/vigie-security/vigie/internal/check"

// Checks returns the web family's checks, in report order.
func Checks() check.Catalogue {
	return check.Catalogue{
		check.Typed[Evidence]{M: metaHTTPS, Fn: evalHTTPS},
		check.Typed[Evidence]{M: metaRedirect, Fn: evalRedirect},
		check.Typed[Evidence]{M: metaHSTS, Fn: evalHSTS},
		check.Typed[Evidence]{M: metaCertTrust, Fn: evalCertTrust},
		check.Typed[Evidence]{M: metaCertValidity, Fn: evalCertValidity},
		check.Typed[Evidence]{M: metaCertName, Fn: evalCertName},
		check.Typed[Evidence]{M: metaCertExpiry, Fn: evalCertExpiry},
		check.Typed[Evidence]{M: metaPasswordForm, Fn: evalPasswordForm},
	}
}
