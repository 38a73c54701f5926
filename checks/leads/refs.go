package leads

import "github.com/vigie-security/vigie/internal/check"

var (
	refGDPR = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679", TitleFR: "Règlement (UE) 2016/679 (RGPD)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"}
	refNS048 = check.Reference{Source: "CNIL", Title: "Norme simplifiée NS-048, art. 5 (durées de conservation, gestion clients et prospects)",
		URL: "https://www.legifrance.gouv.fr/affichTexteArticle.do?cidTexte=JORFTEXT000033117877&idArticle=JORFARTI000033117901"}
	refOpens = check.Reference{Source: "CNIL", Title: "Référentiel gestion commerciale: 3 years from the last contact from the prospect; an open is not a contact", TitleFR: "Référentiel gestion commerciale : 3 ans après le dernier contact venu du prospect ; une ouverture n'est pas un contact",
		URL: "https://olympe.legal/quelle-est-selon-la-cnil-la-duree-de-conservation-des-donnees-pour-la-finalite-effectuer-des-operations-relatives-a-la-prospection-dun-non-client-par-courriel/"}
	refKaspr = check.Reference{Source: "CNIL", Title: "SAN-2024-020 (Kaspr, €240,000): retention, information, sources", TitleFR: "SAN-2024-020 (Kaspr, 240 000 €) : conservation, information, sources",
		URL: "https://cnil.fr/fr/node/166438"}
	refNSCards = check.Reference{Source: "CNIL", Title: "SAN-2023-023 (NS Cards France, €105,000): accounts never purged, passwords in clear", TitleFR: "SAN-2023-023 (NS Cards France, 105 000 €) : comptes jamais purgés, mots de passe en clair",
		URL: "https://www.cnil.fr/fr/node/164774"}
	refCards = check.Reference{Source: "CNIL", Title: "Délibération 2018-303, cartes de paiement (13 months after the debit, never the CVV)", TitleFR: "Délibération 2018-303, cartes de paiement (13 mois après le débit, jamais le cryptogramme)",
		URL: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037477764"}
	refPCI = check.Reference{Source: "PCI SSC", Title: "PCI DSS v4.0: 3.3 (no sensitive authentication data after authorisation), 3.5.1 (PAN unreadable)", TitleFR: "PCI DSS v4.0 : 3.3 (aucune donnée d'authentification sensible après autorisation), 3.5.1 (numéro de carte illisible)",
		URL: "https://www.pcisecuritystandards.org/document_library/"}
	refSMS = check.Reference{Source: "CNIL", Title: "La prospection commerciale par SMS et e-mail (CPCE L34-5: prior consent, soft opt-in)", TitleFR: "La prospection commerciale par SMS et e-mail (CPCE L34-5 : consentement préalable, exception client)",
		URL: "https://www.cnil.fr/fr/la-prospection-commerciale-par-sms-mms"}
	refB2B = check.Reference{Source: "CNIL", Title: "La prospection commerciale par courrier électronique (B2B rule)", TitleFR: "La prospection commerciale par courrier électronique (règle B2B)",
		URL: "https://www.cnil.fr/fr/la-prospection-commerciale-par-courrier-electronique"}
	refAccor = check.Reference{Source: "CNIL", Title: "SAN-2022-017 (Accor, €600,000): pre-ticked box, opt-outs not honoured", TitleFR: "SAN-2022-017 (Accor, 600 000 €) : case pré-cochée, oppositions non respectées",
		URL: "https://cnil.fr/fr/prospection-commerciale-et-droits-des-personnes-sanction-de-600-000-euros-lencontre-daccor"}
	refFree = check.Reference{Source: "CNIL", Title: "SAN-2021-021 (Free Mobile, €300,000): prospecting after an objection", TitleFR: "SAN-2021-021 (Free Mobile, 300 000 €) : prospection malgré une opposition",
		URL: "https://gdprhub.eu/index.php?title=CNIL_(France)_-_SAN-2021-021"}
	refRepoussoir = check.Reference{Source: "CNIL", Title: "Liste repoussoir: respecting objections to prospecting (27 Jan 2022)", TitleFR: "Liste repoussoir : respecter les oppositions à la prospection (27 janvier 2022)",
		URL: "https://www.cnil.fr/fr/comment-utiliser-une-liste-repoussoir-pour-respecter-lopposition-la-prospection-commerciale"}
	refPartners = check.Reference{Source: "CNIL", Title: "Transmettre des données à des partenaires à des fins de prospection (28 Dec 2018)", TitleFR: "Transmettre des données à des partenaires à des fins de prospection (28 décembre 2018)",
		URL: "https://cnil.fr/fr/la-prospection-vers-les-particuliers-b-c-quelles-regles-pour-transmettre-des-donnees-des-partenaires"}
	refCaloga = check.Reference{Source: "CNIL", Title: "SAN-2025-002 (Caloga, €80,000): broker data, transfers, retention", TitleFR: "SAN-2025-002 (Caloga, 80 000 €) : données de courtiers, transmissions, conservation",
		URL: "https://cnil.fr/fr/sanction-de-80-000-euros-societe-caloga"}
	refCanal = check.Reference{Source: "CNIL", Title: "SAN-2023-015 (Groupe Canal+, €600,000): no proof of consent", TitleFR: "SAN-2023-015 (Groupe Canal+, 600 000 €) : pas de preuve du consentement",
		URL: "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000048222771"}
	refBloctel = check.Reference{Source: "DGCCRF", Title: "Démarchage téléphonique: Bloctel (C. conso L223-1), before every campaign and at least monthly", TitleFR: "Démarchage téléphonique : Bloctel (C. conso L223-1), avant chaque campagne et au moins tous les mois",
		URL: "https://www.economie.gouv.fr/dgccrf/demarchage-telephonique-professionnels-mettez-vous-en-conformite-avec-reglementation"}
	refLoi2025 = check.Reference{Source: "Légifrance", Title: "Loi n° 2025-594 du 30 juin 2025, art. 13: consumer phone prospecting needs prior consent from 11 Aug 2026", TitleFR: "Loi n° 2025-594 du 30 juin 2025, art. 13 : le démarchage téléphonique des consommateurs exige leur consentement préalable à partir du 11 août 2026",
		URL: "https://www.vie-publique.fr/loi/297018-fraude-aux-aides-publiques-demarchage-telephonique-proposition-de-loi"}
	refComments = check.Reference{Source: "CNIL", Title: "Zones bloc-notes et commentaires: les bons réflexes pour ne pas déraper",
		URL: "https://www.cnil.fr/fr/zones-bloc-note-et-commentaires-les-bons-reflexes-pour-ne-pas-deraper"}
	refKGCOM = check.Reference{Source: "CNIL", Title: "SAN-2023-008 (KG COM, €150,000): sensitive data volunteered in calls, bank data", TitleFR: "SAN-2023-008 (KG COM, 150 000 €) : données sensibles confiées lors des appels, données bancaires",
		URL: "https://www.cnil.fr/fr/voyance-en-ligne-la-societe-kg-com-sanctionnee-par-une-amende-de-150-000-euros"}
	refNIR = check.Reference{Source: "CNIL", Title: "Décret cadre NIR n° 2019-341: the NIR only for the purposes it lists (LIL art. 30)", TitleFR: "Décret cadre NIR n° 2019-341 : le NIR pour les seules finalités qu'il énumère (LIL art. 30)",
		URL: "https://www.cnil.fr/fr/tout-savoir-sur-le-decret-cadre-nir-dans-le-champ-de-la-protection-sociale"}
	refPasswords = check.Reference{Source: "CNIL", Title: "Délibération 2022-100 (mots de passe): never in clear, a slow salted function", TitleFR: "Délibération 2022-100 (mots de passe) : jamais en clair, une fonction lente et salée",
		URL: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046432885"}
	refSecurity = check.Reference{Source: "CNIL", Title: "Guide de la sécurité des données personnelles (2024)",
		URL: "https://www.cnil.fr/fr/securite-gerer-les-habilitations"}
)
