package contracts

import "github.com/vigie-security/vigie/internal/check"

var (
	refGDPR28 = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679, Article 28 (processor)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679#d1e3230-1-1"}
	refSCC915 = check.Reference{Source: "European Commission", Title: "Implementing Decision (EU) 2021/915: standard contractual clauses under Article 28(7)",
		URL: "https://eur-lex.europa.eu/eli/dec_impl/2021/915/oj"}
	refEDPB = check.Reference{Source: "EDPB", Title: "Guidelines 07/2020 on the concepts of controller and processor, v2.0, §§ 108–160",
		URL: "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-072020-concepts-controller-and-processor-gdpr_en"}
	refCNILGuide = check.Reference{Source: "CNIL", Title: "Guide du sous-traitant (septembre 2017), modèle de clauses",
		URL: "https://www.cnil.fr/sites/cnil/files/atoms/files/rgpd-guide_sous-traitant-cnil.pdf"}
	refGDPRCh5 = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679, Chapter V (Articles 44–50, transfers)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"}
	refSCC914 = check.Reference{Source: "European Commission", Title: "Implementing Decision (EU) 2021/914: standard contractual clauses for transfers",
		URL: "https://eur-lex.europa.eu/eli/dec_impl/2021/914/oj"}
	refAdequacy = check.Reference{Source: "European Commission", Title: "Adequacy decisions",
		URL: "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en"}
	refGDPR9 = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679, Article 9 (special categories)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"}
	refSanctions = check.Reference{Source: "CNIL", Title: "SAN-2021-012 (Monsanto), SAN-2022-009 (Dedalus), SAN-2023-015 (Canal+): Article 28 failures",
		URL: "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000044019547"}
)
