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
		check.Typed[Evidence]{M: metaCertKey, Fn: evalCertKey},
		check.Typed[Evidence]{M: metaCertSig, Fn: evalCertSig},
		check.Typed[Evidence]{M: metaCertLifetime, Fn: evalCertLifetime},
		check.Typed[Evidence]{M: metaOldTLS, Fn: evalOldTLS},
		check.Typed[Evidence]{M: metaModernTLS, Fn: evalModernTLS},
		check.Typed[Evidence]{M: metaForwardSecrecy, Fn: evalForwardSecrecy},
		check.Typed[Evidence]{M: metaBrokenCiphers, Fn: evalBrokenCiphers},
		check.Typed[Evidence]{M: metaAEAD, Fn: evalAEAD},
		check.Typed[Evidence]{M: metaCSP, Fn: evalCSP},
		check.Typed[Evidence]{M: metaFraming, Fn: evalFraming},
		check.Typed[Evidence]{M: metaXCTO, Fn: evalXCTO},
		check.Typed[Evidence]{M: metaReferrer, Fn: evalReferrer},
		check.Typed[Evidence]{M: metaCORP, Fn: evalCORP},
		check.Typed[Evidence]{M: metaCOOP, Fn: evalCOOP},
		check.Typed[Evidence]{M: metaCOEP, Fn: evalCOEP},
		check.Typed[Evidence]{M: metaSRI, Fn: evalSRI},
		check.Typed[Evidence]{M: metaCORS, Fn: evalCORS},
		check.Typed[Evidence]{M: metaCookies, Fn: evalCookies},
		check.Typed[Evidence]{M: metaBanner, Fn: evalBanner},
		check.Typed[Evidence]{M: metaPasswordForm, Fn: evalPasswordForm},
		check.Typed[Evidence]{M: metaLeadForm, Fn: evalLeadForm},
		check.Typed[Evidence]{M: metaFormAction, Fn: evalFormAction},
		check.Typed[Evidence]{M: metaCardForm, Fn: evalCardForm},
		check.Typed[Evidence]{M: metaMixed, Fn: evalMixed},
		check.Typed[Evidence]{M: metaExpoSecrets, Fn: evalExpoSecrets},
		check.Typed[Evidence]{M: metaExpoDump, Fn: evalExpoDump},
		check.Typed[Evidence]{M: metaExpoInfo, Fn: evalExpoInfo},
		check.Typed[Evidence]{M: metaExpoListing, Fn: evalExpoListing},
		check.Typed[Evidence]{M: metaOpenDB, Fn: evalOpenDB},
	}
}
