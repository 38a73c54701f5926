package contracts

import "github.com/vigie-security/vigie/internal/check"

var (
	refGDPR28 = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679, Article 28 (processor)", TitleFR: "Règlement (UE) 2016/679, article 28 (sous-traitant)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679#d1e3230-1-1"}
	refSCC915 = check.Reference{Source: "European Commission", Title: "Implementing Decision (EU) 2021/915: standard contractual clauses under Article 28(7)", TitleFR: "Décision d'exécution (UE) 2021/915 : clauses contractuelles types au titre de l'article 28, paragraphe 7",
		URL: "https://eur-lex.europa.eu/eli/dec_impl/2021/915/oj"}
	refEDPB = check.Reference{Source: "EDPB", Title: "Guidelines 07/2020 on the concepts of controller and processor, v2.0, §§ 108–160", TitleFR: "Lignes directrices 07/2020 concernant les notions de responsable du traitement et de sous-traitant, v2.0, §§ 108–160",
		URL: "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-072020-concepts-controller-and-processor-gdpr_en"}
	refCNILGuide = check.Reference{Source: "CNIL", Title: "Guide du sous-traitant (septembre 2017), modèle de clauses",
		URL: "https://www.cnil.fr/sites/cnil/files/atoms/files/rgpd-guide_sous-traitant-cnil.pdf"}
	refGDPRCh5 = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679, Chapter V (Articles 44–50, transfers)", TitleFR: "Règlement (UE) 2016/679, chapitre V (articles 44 à 50, transferts)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"}
	refSCC914 = check.Reference{Source: "European Commission", Title: "Implementing Decision (EU) 2021/914: standard contractual clauses for transfers", TitleFR: "Décision d'exécution (UE) 2021/914 : clauses contractuelles types pour les transferts",
		URL: "https://eur-lex.europa.eu/eli/dec_impl/2021/914/oj"}
	refAdequacy = check.Reference{Source: "European Commission", Title: "Adequacy decisions", TitleFR: "Décisions d'adéquation",
		URL: "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en"}
	refGDPR9 = check.Reference{Source: "GDPR", Title: "Regulation (EU) 2016/679, Article 9 (special categories)", TitleFR: "Règlement (UE) 2016/679, article 9 (catégories particulières)",
		URL: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016R0679"}
	refSanctions = check.Reference{Source: "CNIL", Title: "SAN-2021-012 (Monsanto), SAN-2022-009 (Dedalus), SAN-2023-015 (Canal+): Article 28 failures", TitleFR: "SAN-2021-012 (Monsanto), SAN-2022-009 (Dedalus), SAN-2023-015 (Canal+) : manquements à l'article 28",
		URL: "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000044019547"}
)
