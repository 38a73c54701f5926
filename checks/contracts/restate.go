package contracts

// The Article texts a restatement copies (EUR-Lex, CELEX 32016R0679, English
// and French versions). EDPB 07/2020 §109: a clause that merely repeats them
// is not enough.
const (
	art28Opening = `Processing by a processor shall be governed by a contract or other legal act under Union or Member State law, that is binding on the processor with regard to the controller and that sets out the subject-matter and duration of the processing, the nature and purpose of the processing, the type of personal data and categories of data subjects and the obligations and rights of the controller.
Le traitement par un sous-traitant est régi par un contrat ou un autre acte juridique au titre du droit de l'Union ou du droit d'un État membre, qui lie le sous-traitant à l'égard du responsable du traitement, définit l'objet et la durée du traitement, la nature et la finalité du traitement, le type de données à caractère personnel et les catégories de personnes concernées, et les obligations et les droits du responsable du traitement.`
	art28a = `processes the personal data only on documented instructions from the controller, including with regard to transfers of personal data to a third country or an international organisation, unless required to do so by Union or Member State law to which the processor is subject; in such a case, the processor shall inform the controller of that legal requirement before processing, unless that law prohibits such information on important grounds of public interest.
ne traite les données à caractère personnel que sur instruction documentée du responsable du traitement, y compris en ce qui concerne les transferts de données à caractère personnel vers un pays tiers ou à une organisation internationale, à moins qu'il ne soit tenu d'y procéder en vertu du droit de l'Union ou du droit de l'État membre auquel le sous-traitant est soumis; dans ce cas, le sous-traitant informe le responsable du traitement de cette obligation juridique avant le traitement, sauf si le droit concerné interdit une telle information pour des motifs importants d'intérêt public.`
	art28b = `ensures that persons authorised to process the personal data have committed themselves to confidentiality or are under an appropriate statutory obligation of confidentiality.
veille à ce que les personnes autorisées à traiter les données à caractère personnel s'engagent à respecter la confidentialité ou soient soumises à une obligation légale appropriée de confidentialité.`
	art28c = `takes all measures required pursuant to Article 32. the controller and the processor shall implement appropriate technical and organisational measures to ensure a level of security appropriate to the risk.
prend toutes les mesures requises en vertu de l'article 32. le responsable du traitement et le sous-traitant mettent en œuvre les mesures techniques et organisationnelles appropriées afin de garantir un niveau de sécurité adapté au risque.`
	art28d = `respects the conditions referred to in paragraphs 2 and 4 for engaging another processor. The processor shall not engage another processor without prior specific or general written authorisation of the controller. In the case of general written authorisation, the processor shall inform the controller of any intended changes concerning the addition or replacement of other processors, thereby giving the controller the opportunity to object to such changes.
respecte les conditions visées aux paragraphes 2 et 4 pour recruter un autre sous-traitant. Le sous-traitant ne recrute pas un autre sous-traitant sans l'autorisation écrite préalable, spécifique ou générale, du responsable du traitement. Dans le cas d'une autorisation écrite générale, le sous-traitant informe le responsable du traitement de tout changement prévu concernant l'ajout ou le remplacement d'autres sous-traitants, donnant ainsi au responsable du traitement la possibilité d'émettre des objections à l'encontre de ces changements.`
	art28p4 = `Where a processor engages another processor for carrying out specific processing activities on behalf of the controller, the same data protection obligations as set out in the contract or other legal act between the controller and the processor shall be imposed on that other processor by way of a contract or other legal act under Union or Member State law, in particular providing sufficient guarantees to implement appropriate technical and organisational measures. Where that other processor fails to fulfil its data protection obligations, the initial processor shall remain fully liable to the controller for the performance of that other processor's obligations.
Lorsqu'un sous-traitant recrute un autre sous-traitant pour mener des activités de traitement spécifiques pour le compte du responsable du traitement, les mêmes obligations en matière de protection de données que celles fixées dans le contrat ou un autre acte juridique entre le responsable du traitement et le sous-traitant sont imposées à cet autre sous-traitant par contrat ou au moyen d'un autre acte juridique, en particulier pour ce qui est de présenter des garanties suffisantes quant à la mise en œuvre de mesures techniques et organisationnelles appropriées. Lorsque cet autre sous-traitant ne remplit pas ses obligations en matière de protection des données, le sous-traitant initial demeure pleinement responsable devant le responsable du traitement de l'exécution par l'autre sous-traitant de ses obligations.`
	art28e = `taking into account the nature of the processing, assists the controller by appropriate technical and organisational measures, insofar as this is possible, for the fulfilment of the controller's obligation to respond to requests for exercising the data subject's rights laid down in Chapter III.
tient compte de la nature du traitement, aide le responsable du traitement, par des mesures techniques et organisationnelles appropriées, dans toute la mesure du possible, à s'acquitter de son obligation de donner suite aux demandes dont les personnes concernées le saisissent en vue d'exercer leurs droits prévus au chapitre III.`
	art28f = `assists the controller in ensuring compliance with the obligations pursuant to Articles 32 to 36 taking into account the nature of processing and the information available to the processor.
aide le responsable du traitement à garantir le respect des obligations prévues aux articles 32 à 36, compte tenu de la nature du traitement et des informations à la disposition du sous-traitant.`
	art33p2 = `The processor shall notify the controller without undue delay after becoming aware of a personal data breach.
Le sous-traitant notifie au responsable du traitement toute violation de données à caractère personnel dans les meilleurs délais après en avoir pris connaissance.`
	art28g = `at the choice of the controller, deletes or returns all the personal data to the controller after the end of the provision of services relating to processing, and deletes existing copies unless Union or Member State law requires storage of the personal data.
selon le choix du responsable du traitement, supprime toutes les données à caractère personnel ou les renvoie au responsable du traitement au terme de la prestation de services relatifs au traitement, et détruit les copies existantes, à moins que le droit de l'Union ou le droit de l'État membre n'exige la conservation des données à caractère personnel.`
	art28h = `makes available to the controller all information necessary to demonstrate compliance with the obligations laid down in this Article and allow for and contribute to audits, including inspections, conducted by the controller or another auditor mandated by the controller.
met à la disposition du responsable du traitement toutes les informations nécessaires pour démontrer le respect des obligations prévues au présent article et pour permettre la réalisation d'audits, y compris des inspections, par le responsable du traitement ou un autre auditeur qu'il a mandaté, et contribuer à ces audits.`
	art28closing = `the processor shall immediately inform the controller if, in its opinion, an instruction infringes this Regulation or other Union or Member State data protection provisions.
le sous-traitant informe immédiatement le responsable du traitement si, selon lui, une instruction constitue une violation du présent règlement ou d'autres dispositions du droit de l'Union ou du droit des États membres relatives à la protection des données.`
	art28p9 = `The contract or the other legal act referred to in paragraphs 3 and 4 shall be in writing, including in electronic form.
Le contrat ou l'autre acte juridique visé aux paragraphes 3 et 4 revêt la forme écrite, y compris la forme électronique.`
)

// articleFor maps each element to the Article text a restatement of it copies.
var articleFor = map[string]string{
	"A28-3-subject-matter": art28Opening, "A28-3-duration": art28Opening, "A28-3-nature-purpose": art28Opening,
	"A28-3-data-types": art28Opening, "A28-3-data-subjects": art28Opening, "A28-3-controller-obligations-rights": art28Opening,
	"A28-3a-instructions": art28a, "A28-3-infringing-instruction": art28closing, "A28-3b-confidentiality": art28b,
	"A28-3c-security-art32": art28c, "A28-3d-subprocessors": art28d, "A28-4-flowdown": art28p4,
	"A28-3e-data-subject-rights": art28e, "A28-3f-assist-32-36": art28f, "A28-33-breach-notify": art33p2,
	"A28-3g-return-or-delete": art28g, "A28-3h-audits-information": art28h, "A28-9-written-form": art28p9,
	"A28-44-transfers": art28a,
}

// restateThreshold: the share of a sentence's word triples found in the
// Article above which, with nothing concrete added, it is a restatement.
const restateThreshold = 0.45

// shingles are the word triples of folded text, hashed, with the party
// names folded into one token so that "the Supplier" matches "the
// processor".
func shingles(folded string) []uint64 {
	words := make([]uint64, 0, len(folded)/5+1) // words run to about six bytes with their space
	start := -1
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && !separator(folded[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, wordHash(folded[start:i]))
			start = -1
		}
	}
	if len(words) < 3 {
		return nil
	}
	// Each triple replaces its first word, which no later triple reads.
	for i := 0; i+2 < len(words); i++ {
		words[i] = words[i]*0x9E3779B97F4A7C15 ^ words[i+1]*0xC2B2AE3D27D4EB4F ^ words[i+2]
	}
	return words[:len(words)-2]
}

func separator(b byte) bool {
	switch b {
	case ' ', ',', ';', '.', ':', '(', ')', '"':
		return true
	}
	return false
}

var (
	processorHash  = fnv("P")
	controllerHash = fnv("C")
)

func wordHash(w string) uint64 {
	switch w {
	case "processor", "supplier", "provider", "vendor", "contractor", "sous-traitant", "prestataire", "fournisseur", "titulaire":
		return processorHash
	case "controller", "customer", "client", "responsable":
		return controllerHash
	}
	return fnv(w)
}

func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// articleShingles is built once: a package-level read-only index.
var articleShingles = func() map[string]map[uint64]bool {
	out := map[string]map[uint64]bool{}
	for id, text := range articleFor {
		set := map[uint64]bool{}
		for _, s := range shingles(fold(text)) {
			set[s] = true
		}
		out[id] = set
	}
	return out
}()

// similarity is the share of the sentence's word triples (sh) that the
// Article text of element id holds.
func similarity(id string, sh []uint64) float64 {
	if len(sh) < 4 {
		return 0
	}
	art := articleShingles[id]
	hit := 0
	for _, s := range sh {
		if art[s] {
			hit++
		}
	}
	return float64(hit) / float64(len(sh))
}
