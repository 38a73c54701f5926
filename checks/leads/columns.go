package leads

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Role is what a column means to the checks.
type Role string

// The roles a lead table's columns can play. Several columns may share
// Notes, Phone, Email and Sensitive; the others take the first column found.
const (
	Key             Role = "key"
	Email           Role = "email"
	Phone           Role = "phone"
	Created         Role = "created"
	LastActivity    Role = "last_activity" // a contact that came from the prospect: reply, click, form, order
	LastOpen        Role = "last_open"     // an e-mail open or an engagement score: never activity
	LastSent        Role = "last_sent"     // a campaign or an e-mail we sent: never activity
	LastOrder       Role = "last_order"
	Customer        Role = "customer" // is_customer, lifecycle stage
	Company         Role = "company"
	JobTitle        Role = "job_title"
	ConsentEmail    Role = "consent_email"
	ConsentSMS      Role = "consent_sms"
	ConsentPhone    Role = "consent_phone"
	ConsentPartners Role = "consent_partners"
	ConsentAt       Role = "consent_at"
	ConsentSource   Role = "consent_source"
	ConsentVersion  Role = "consent_version"
	LegalBasis      Role = "legal_basis"
	OptOut          Role = "optout"
	OptOutPhone     Role = "optout_phone"
	OptOutAt        Role = "optout_at"
	Contactable     Role = "contactable"
	Source          Role = "source"
	NoticeAt        Role = "notice_at"
	BloctelAt       Role = "bloctel_at"
	SharedWith      Role = "shared_with"
	Notes           Role = "notes"
	Deleted         Role = "deleted" // deleted, archived, inactive: yes means gone
	Active          Role = "active"  // is_active, actif: no means gone
	BirthDate       Role = "birth_date"
	Password        Role = "password"
	CVV             Role = "cvv"
	Sensitive       Role = "sensitive" // a structured special-category column
)

// Roles lists every role, in the order config keys are documented.
var Roles = roleOrder[:]

// roleOrder gives each single-column role an ordinal, for the per-row
// lookups of Tally (a switch, not a map: it runs some 40 times a row).
var roleOrder = [...]Role{Key, Email, Phone, Created, LastActivity, LastOpen, LastSent, LastOrder, Customer, Company, JobTitle,
	ConsentEmail, ConsentSMS, ConsentPhone, ConsentPartners, ConsentAt, ConsentSource, ConsentVersion, LegalBasis,
	OptOut, OptOutPhone, OptOutAt, Contactable, Source, NoticeAt, BloctelAt, SharedWith, Notes, Deleted, Active,
	BirthDate, Password, CVV, Sensitive}

func ord(r Role) int {
	switch r {
	case Key:
		return 0
	case Email:
		return 1
	case Phone:
		return 2
	case Created:
		return 3
	case LastActivity:
		return 4
	case LastOpen:
		return 5
	case LastSent:
		return 6
	case LastOrder:
		return 7
	case Customer:
		return 8
	case Company:
		return 9
	case JobTitle:
		return 10
	case ConsentEmail:
		return 11
	case ConsentSMS:
		return 12
	case ConsentPhone:
		return 13
	case ConsentPartners:
		return 14
	case ConsentAt:
		return 15
	case ConsentSource:
		return 16
	case ConsentVersion:
		return 17
	case LegalBasis:
		return 18
	case OptOut:
		return 19
	case OptOutPhone:
		return 20
	case OptOutAt:
		return 21
	case Contactable:
		return 22
	case Source:
		return 23
	case NoticeAt:
		return 24
	case BloctelAt:
		return 25
	case SharedWith:
		return 26
	case Notes:
		return 27
	case Deleted:
		return 28
	case Active:
		return 29
	case BirthDate:
		return 30
	case Password:
		return 31
	case CVV:
		return 32
	}
	return 33
}

// multi roles collect every matching column (Outlook's "E-mail Address"
// and "E-mail 2 Address": a record's first address is its address).
func multi(r Role) bool { return r == Notes || r == Phone || r == Sensitive || r == Email }

// exact header labels, normalised (lower case, accents off, runs of
// anything else as "_"). CRM labels are as they export them: HubSpot
// "Create Date", Salesforce "Email Opt Out", Brevo "DOUBLE_OPT-IN",
// Pipedrive "Person - Email" and "Person - Marketing status", Zoho "Created
// Time", Dynamics "Created On", and the French labels of HubSpot ("Source
// d'origine", "Phase du cycle de vie", "ID de l'enregistrement"…).
var exact = map[string]Role{}

func init() {
	for r, names := range map[Role][]string{
		Key: {"id", "record_id", "contact_id", "lead_id", "id_contact", "id_prospect", "id_lead", "identifiant", "contactid",
			"leadid", "person_id", "customer_id", "id_client", "num_client", "numero_client", "code_client", "prospect_id", "n_client", "no_client", "numero_de_client", "ref_client", "reference_client", "n_contact", "n_prospect",
			"id_de_l_enregistrement"},
		Email: {"email", "e_mail", "mail", "email_address", "e_mail_address", "adresse_email", "adresse_e_mail", "adresse_mail",
			"courriel", "adresse_courriel", "email_1", "e_mail_1", "primary_email", "person_email", "work_email", "email_professionnel"},
		Phone: {"phone", "phone_number", "telephone", "tel", "mobile", "mobile_phone", "mobile_phone_number", "portable",
			"numero_de_telephone", "num_tel", "numero_telephone", "telephone_mobile", "telephone_fixe", "tel_portable", "tel_fixe",
			"sms", "person_phone", "phone_work", "phone_mobile", "phone_home", "business_phone", "mobile_number", "gsm", "main_phone", "home_phone"},
		Created: {"created_at", "create_date", "created_date", "created", "created_on", "created_time", "creation_date", "date_created",
			"collected_at", "date_collecte", "date_de_collecte", "date_creation", "date_de_creation", "added_time", "date_ajout",
			"date_d_ajout", "person_created", "lead_created", "added", "date_inscription", "subscribed_at", "signup_date", "date_de_creation_du_contact"},
		LastActivity: {"last_activity", "last_activity_at", "last_activity_date", "last_contact_at", "last_interaction",
			"date_dernier_contact", "dernier_contact", "derniere_activite", "date_derniere_activite", "last_click_at",
			"last_reply_at", "last_reply", "last_marketing_email_click_date", "recent_conversion_date", "last_form_submission",
			"last_clicked", "date_dernier_clic", "derniere_reponse", "last_activity_time", "last_booking_in_meetings_tool", "date_de_la_derniere_activite", "date_du_dernier_contact"},
		LastOpen: {"last_open_at", "last_opened", "date_ouverture", "date_derniere_ouverture", "last_marketing_email_open_date",
			"last_email_open", "last_engagement_date", "last_open", "opened_at", "derniere_ouverture", "date_de_la_derniere_ouverture_d_e_mail_marketing", "date_de_la_derniere_ouverture"},
		LastSent: {"last_sent_at", "last_sent", "last_email_sent", "last_marketing_email_send_date", "last_contacted",
			"date_dernier_envoi", "dernier_envoi", "last_campaign", "last_campaign_sent", "date_derniere_campagne", "last_email_date", "date_du_dernier_envoi_d_e_mail_marketing", "date_du_dernier_envoi"},
		LastOrder: {"last_order_at", "last_order_date", "last_order", "last_purchase", "last_purchase_date", "date_derniere_commande",
			"derniere_commande", "date_dernier_achat", "dernier_achat", "close_date", "first_deal_created_date"},
		Customer: {"is_customer", "client", "customer", "customer_since", "became_a_customer_date", "lifecycle_stage",
			"est_client", "type_contact", "contact_type", "statut_client", "client_depuis", "type", "phase_du_cycle_de_vie", "cycle_de_vie"},
		Company: {"company", "company_name", "societe", "entreprise", "raison_sociale", "organisation", "organization",
			"organization_name", "organization_1_name", "account_name", "account", "nom_entreprise", "nom_societe", "employeur", "siret", "siren"},
		JobTitle: {"job_title", "title", "fonction", "poste", "job_function", "intitule_de_poste", "role", "position"},
		ConsentEmail: {"optin", "opt_in", "optin_email", "opt_in_email", "email_opt_in", "consent_email", "email_consent",
			"consent", "consentement", "consentement_email", "consentement_mail", "accord_email", "accord_mail", "newsletter",
			"double_opt_in", "gdpr_consent", "rgpd", "consentement_rgpd", "accepte_newsletter", "email_marketing_consent", "marketing_status", "statut_marketing_email", "statut_d_abonnement"},
		ConsentSMS: {"optin_sms", "opt_in_sms", "consent_sms", "sms_consent", "accord_sms", "consentement_sms", "sms_opt_in"},
		ConsentPhone: {"consent_phone", "phone_consent", "optin_phone", "optin_telephone", "opt_in_phone", "consentement_telephone",
			"consentement_appel", "accord_appel", "accord_telephone", "consent_call", "consent_phone_at", "date_consentement_telephone"},
		ConsentPartners: {"consent_partners", "optin_partenaires", "opt_in_partenaires", "optin_partners", "consentement_partenaires",
			"accord_partenaires", "partner_consent", "partners_optin"},
		ConsentAt: {"consent_at", "consent_date", "date_consentement", "optin_date", "opt_in_date", "date_optin", "date_opt_in",
			"consented_at", "email_consent_at", "date_du_consentement", "consent_timestamp", "double_opt_in_date", "optin_at",
			"optin_time", "confirm_time"}, // Mailchimp: the opt-in, then its double opt-in confirmation
		ConsentSource: {"consent_source", "source_consentement", "optin_source", "consent_form", "formulaire_consentement",
			"consent_url", "source_du_consentement", "optin_ip", "confirm_ip"},
		ConsentVersion: {"consent_version", "consent_text_version", "consent_wording", "version_consentement", "wording_version",
			"consent_text", "texte_consentement", "version_cgu", "consent_hash"},
		LegalBasis: {"legal_basis", "lawful_basis", "base_legale", "base_juridique",
			"legal_basis_for_processing_contact_s_data", "fondement", "fondement_juridique", "base_legale_pour_le_traitement_des_donnees_du_contact"},
		OptOut: {"unsubscribed", "optout", "opt_out", "email_opt_out", "hasoptedoutofemail", "has_opted_out_of_email",
			"desinscrit", "desabonne", "opposition", "stop_email", "stop_mail", "unsubscribed_from_all_email", "email_blacklisted",
			"blacklisted", "unsubscribe", "do_not_allow_emails", "do_not_allow_bulk_emails", "desinscription", "opt_out_email", "do_not_email", "donotemail", "ne_pas_contacter", "repoussoir"},
		OptOutPhone: {"do_not_call", "do_not_allow_phone_calls", "donotcall", "ne_pas_appeler", "opposition_telephone", "stop_appel", "bloctel", "inscrit_bloctel",
			"sms_blacklisted", "stop_sms"},
		OptOutAt: {"unsubscribed_at", "optout_at", "opt_out_at", "opt_out_date", "optout_date", "date_desinscription",
			"date_opposition", "unsubscribe_date", "date_desabonnement", "unsub_time"},
		Contactable: {"marketing_contact_status", "contactable", "emailable", "segment", "active_segment", "marketable",
			"statut_marketing", "joignable", "ciblable", "statut_de_contact_marketing"},
		Source: {"source", "lead_source", "origin", "origine", "provenance", "collected_from", "utm_source", "partner",
			"partenaire", "fournisseur", "original_source", "original_source_type", "source_du_lead", "lead_origin",
			"source_du_contact", "contact_source", "source_de_collecte", "canal_acquisition", "acquisition_channel", "source_prospect", "origine_du_contact", "source_d_origine", "type_de_source_d_origine", "origine_du_lead", "origine_prospect", "source_de_contact"},
		NoticeAt: {"informed_at", "art14_notified_at", "notice_sent_at", "information_date", "date_information", "informe_le",
			"notice_at", "date_notification", "privacy_notice_sent", "information_art14"},
		BloctelAt:  {"bloctel_checked_at", "bloctel_date", "date_bloctel", "verification_bloctel", "bloctel_check", "date_verif_bloctel"},
		SharedWith: {"shared_with", "exported_to", "partage_avec", "transmis_a", "cede_a", "partners_shared", "transfere_a"},
		Notes: {"notes", "note", "comment", "comments", "commentaire", "commentaires", "remarque", "remarques", "observation",
			"observations", "description", "memo", "bloc_notes", "message", "notes_internes", "compte_rendu", "details"},
		Deleted: {"deleted", "is_deleted", "supprime", "archived", "archive", "is_archived", "inactive", "is_inactive", "inactif",
			"deleted_at", "archived_at", "date_suppression", "statut", "status", "lead_status"},
		Active:    {"active", "is_active", "actif", "est_actif", "enabled"},
		BirthDate: {"birth_date", "date_of_birth", "birthdate", "birthday", "date_de_naissance", "date_naissance", "dob", "naissance"},
		Password:  {"password", "mot_de_passe", "mdp", "pwd", "pass", "passwd", "password_hash", "hash_password", "secret", "motdepasse"},
		CVV:       {"cvv", "cvc", "cvv2", "cvc2", "cryptogramme", "csc", "card_code", "code_securite", "card_cvv", "security_code"},
		Sensitive: {"religion", "confession", "sante", "health", "etat_de_sante", "handicap", "disability", "orientation",
			"orientation_sexuelle", "sexual_orientation", "syndicat", "union_membership", "syndique", "parti", "parti_politique",
			"political_party", "opinion_politique", "ethnie", "origine_ethnique", "ethnicity", "race", "pathologie", "maladie",
			"medical", "antecedents_medicaux", "traitement_medical", "mutuelle", "groupe_sanguin", "blood_type", "biometrie"},
	} {
		for _, n := range names {
			exact[n] = r
		}
	}
}

// prefixes catch the rest: HubSpot's "Phone Number 2", French
// "consentement_sms_date"… checked in this order, after the exact names.
var prefixes = []struct {
	p string
	r Role
}{
	{"consent_phone", ConsentPhone}, {"consentement_tel", ConsentPhone}, {"consent_sms", ConsentSMS}, {"consentement_sms", ConsentSMS},
	{"consent_partner", ConsentPartners}, {"consentement_partenaire", ConsentPartners}, {"optin_partenaire", ConsentPartners},
	{"date_consentement", ConsentAt}, {"date_opt", ConsentAt},
	{"opt_out", OptOut}, {"optout", OptOut}, {"unsubscribed", OptOut}, {"desinscri", OptOut}, {"desabonn", OptOut},
	{"optin", ConsentEmail}, {"opt_in", ConsentEmail}, {"consentement", ConsentEmail}, {"consent", ConsentEmail}, {"accord_", ConsentEmail},
	{"date_de_naissance", BirthDate}, {"birth", BirthDate},
	{"mot_de_passe", Password}, {"password", Password},
	{"e_mail", Email}, {"email", Email}, {"courriel", Email},
	{"phone", Phone}, {"telephone", Phone}, {"mobile", Phone}, {"portable", Phone},
	{"commentaire", Notes}, {"comment", Notes}, {"remarque", Notes}, {"observation", Notes}, {"note", Notes},
	{"bloctel", BloctelAt}, {"legal_basis", LegalBasis}, {"base_legale", LegalBasis},
}

// Normalize folds a header label: lower case, accents off, every run of
// other characters one "_", no "_" at either end.
func Normalize(h string) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFD.String(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		default:
			gap = true
		}
	}
	return b.String()
}

// byName gives the role a header's label names, or "".
func byName(label string) Role {
	n := Normalize(label)
	if r, ok := exact[n]; ok {
		return r
	}
	// CRM exports prefix the object: Pipedrive "Person - Email", "Lead - Source".
	for _, obj := range []string{"person_", "lead_", "contact_"} {
		if r, ok := exact[strings.TrimPrefix(n, obj)]; ok && strings.HasPrefix(n, obj) && r != Key {
			return r
		}
	}
	for _, p := range prefixes {
		if strings.HasPrefix(n, p.p) {
			return p.r
		}
	}
	return ""
}
