package leads

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// roleNames say in words what each role's column holds, for messages a
// person reads; the role keys stay in evidence and in leads.columns.
var roleNames = map[Role]check.Text{
	Key:             {EN: "the record key", FR: "la clé de la fiche"},
	Email:           {EN: "the e-mail address", FR: "l'adresse e-mail"},
	Phone:           {EN: "the phone number", FR: "le numéro de téléphone"},
	Created:         {EN: "the collection date", FR: "la date de collecte"},
	LastActivity:    {EN: "the last contact from the prospect", FR: "le dernier contact venant du prospect"},
	LastOpen:        {EN: "the last e-mail open", FR: "la dernière ouverture d'e-mail"},
	LastSent:        {EN: "the last message sent", FR: "le dernier message envoyé"},
	LastOrder:       {EN: "the last order", FR: "la dernière commande"},
	Customer:        {EN: "the customer status", FR: "le statut client"},
	Company:         {EN: "the company", FR: "la société"},
	JobTitle:        {EN: "the job title", FR: "la fonction"},
	ConsentEmail:    {EN: "the e-mail consent", FR: "le consentement e-mail"},
	ConsentSMS:      {EN: "the SMS consent", FR: "le consentement SMS"},
	ConsentPhone:    {EN: "the phone consent", FR: "le consentement téléphonique"},
	ConsentPartners: {EN: "the consent to partners' offers", FR: "le consentement aux offres des partenaires"},
	ConsentAt:       {EN: "the consent date", FR: "la date du consentement"},
	ConsentSource:   {EN: "where the consent was given", FR: "la source du consentement"},
	ConsentVersion:  {EN: "the version of the consent wording", FR: "la version du texte de consentement"},
	LegalBasis:      {EN: "the legal basis", FR: "la base légale"},
	OptOut:          {EN: "the opt-out", FR: "l'opposition"},
	OptOutPhone:     {EN: "the phone opt-out", FR: "l'opposition au démarchage téléphonique"},
	OptOutAt:        {EN: "the opt-out date", FR: "la date d'opposition"},
	Contactable:     {EN: "the permission to contact", FR: "l'autorisation de contact"},
	Source:          {EN: "the collection source", FR: "la source de collecte"},
	NoticeAt:        {EN: "the date the person was informed", FR: "la date d'information de la personne"},
	BloctelAt:       {EN: "the last Bloctel check", FR: "la dernière vérification Bloctel"},
	SharedWith:      {EN: "who the record was shared with", FR: "les destinataires de la fiche"},
	Notes:           {EN: "the free-text notes", FR: "les notes libres"},
	Deleted:         {EN: "the record's deletion", FR: "la suppression de la fiche"},
	Active:          {EN: "the record's active status", FR: "l'état actif de la fiche"},
	BirthDate:       {EN: "the birth date", FR: "la date de naissance"},
	Password:        {EN: "the password", FR: "le mot de passe"},
	CVV:             {EN: "the card security code", FR: "le cryptogramme de la carte"},
	Sensitive:       {EN: "the sensitive data", FR: "les données sensibles"},
}

// roleWords names roles in words, each with its leads.columns key when
// withKey, as a negative list: "the consent date (consent_at), the … or
// the …", « la date du consentement (consent_at), ni pour … ».
func roleWords(roles []Role, withKey bool) check.Text {
	var en, fr []string
	for _, r := range roles {
		n := roleNames[r] // every role has one: TestRoleNames
		if withKey {
			n = check.Textf("%s (%s)", "%s (%s)", n, string(r))
		}
		en, fr = append(en, n.EN), append(fr, n.FR)
	}
	if len(en) > 1 {
		en = append(en[:len(en)-2], en[len(en)-2]+" or "+en[len(en)-1])
	}
	// The callers say "for %s", « pour %s ».
	return check.Text{EN: strings.Join(en, ", "), FR: strings.Join(fr, ", ni pour ")}
}
