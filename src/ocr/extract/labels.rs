//! Label vocabulary per language (fr, en, de, nl, es, it). The tables in `totals`, `dates`,
//! `number` and `kind` compose these; a supplier's language is never guessed first, every
//! language's labels are tried on every line (they hardly collide).

/// The tax itself: TVA, VAT, tax, MwSt/USt, BTW, IVA.
pub(super) const TVA: &str = concat!(
    r"(?:\bt(?:\.\s?v\.\s?a\b\.?|va\b)|\bvat\b|\btax(?:es)?\b",
    r"|\bmwst\b\.?|\bmw\.?\s?st\b\.?|\bust\b\.?|\bumsatzsteuer\b|\bmehrwertsteuer\b|\bversicherungs?steuer\b",
    r"|\bbtw\b|\biva\b|\bi\.v\.a\b\.?)"
);
pub(super) const HT: &str = r"(?:\bh\.?\s?t\b\.?|\bhors\s+taxes?\b)";
pub(super) const TTC: &str = r"(?:\bt\.?\s?t\.?\s?c\b\.?|\btoutes\s+taxes\s+comprises\b)";
/// "excluding" in every language: excl., before, ohne, zonder, sin, senza.
pub(super) const EXCL: &str = r"(?:excl(?:\.|uding|usive|usief|\b)|exkl(?:\.|usive|\b)|w/o|(?:before|net\s+of|hors|sans|without|ohne|zonder|sin|senza|esclus[ao])\b)";
/// "including": incl., inkl., einschließlich, inclusief, con, incluido, compresa, mit.
pub(super) const INCL: &str = r"(?:incl(?:\.|uding|usive|usief|\b)|inkl(?:\.|usive|\b)|einschl(?:\.|ie(?:ß|ss)lich\b)|(?:with|con|incluid[oa]|inclus[ao]|compres[ao]|met|mit)\b)";

/// Total excluding tax, beyond the French and English "Total HT" / "Total excl. VAT" forms.
pub(super) const NET_TOTAL: &str = concat!(
    // de
    r"\bnetto(?:betrag|summe|gesamt(?:betrag)?|rechnungsbetrag|wert)?\b|\b(?:gesamt|summe|rechnungsbetrag|betrag)\s+netto\b",
    r"|\bwarenwert\b|\bzwischensumme\b|\bsumme\s+positionen\b",
    // The tax basis as ERP and EN 16931 prints name it: "Steuerbasisbetrag", "Basisbetrag",
    // "Gesamtnettobetrag", "Gesamt netto", "Nettowarenwert".
    r"|\bnettobeitrag\b|\bbeitrag\s+netto\b|\b(?:steuer)?basisbetrag\b|\bsteuerbasis\b|\bgesamtnetto(?:betrag|summe)?\b|\bnettowarenwert\b",
    // nl
    r"|\bsubtotaal\b|\bnetto\s+bedrag\b|\btotaal\s+netto\b",
    // es
    r"|\bbases?\s+imponibles?\b|\bimporte\s+neto\b|\bsubtotal\b|\bsuma\s+(?:de\s+)?(?:las\s+)?bases\b",
    // it
    r"|\b(?:totale\s+)?imponibil[ei]\b|\bsubtotale\b|\btotale\s+netto\b|\bimporto\s+netto\b",
    // en
    r"|\bnett?\s+total\b|\btotal\s+before\s+tax\b|\btaxable\s+amount\b",
    // A British trade supplier's net: "Total Goods", "Goods Total", "Goods Value".
    r"|\btotal\s+goods\b|\bgoods\s+(?:total|value)\b",
);

/// The total of the tax, beyond "Total TVA" / "Total VAT".
pub(super) const TAX_TOTAL: &str = concat!(
    r"\btax\s+(?:total|amount)\b|\b(?:umsatz)?steuerbetrag\b|\bsteuer\b",
    r"|\bbtw[-\s]?bedrag\b|\bcuotas?\s+(?:de\s+)?iva\b|\bimposta\b|\bimporto\s+iva\b",
);

/// Total including tax, beyond "Total TTC" / "Net à payer" / "Amount due".
pub(super) const GROSS_TOTAL: &str = concat!(
    // de
    r"\b(?:gesamt|rechnungs|end|brutto|zahl)betrag\b|\bgesamtsumme\b|\brechnungssumme\b",
    r"|\b(?:summe|gesamt|betrag)\s+brutto\b|\bzu\s+zahlen(?:der\s+betrag)?\b|\bf[äa]lliger\s+betrag\b",
    r"|^\s*brutto\b|\s{2}brutto\b|\bbruttobeitrag\b|\bbeitrag\s+brutto\b|\bbruttosumme\b|\bgesamtbrutto(?:betrag|summe)?\b|\bendsumme\b|\brechnungsendbetrag\b|\bgesamtrechnungsbetrag\b",
    // nl
    r"|\btotaal\s*bedrag\b|\bte\s+betalen\b|\bfactuurbedrag\b|\beindtotaal\b|\btotaal\s+te\s+betalen\b",
    // es
    r"|\btotal\s+(?:factura|a\s+pagar)\b|\bimporte\s+total\b|\btotal\s+importe\b",
    // it
    r"|\btotale\s+(?:fattura|documento|da\s+pagare|complessivo|generale)\b|\bnetto\s+a\s+pagare\b|\bimporto\s+totale\b",
    // en
    r"|\btotal\s+payable\b",
);

/// What a total is called before "excluding VAT" / "including VAT": "Total", "Summe", German
/// compounds ("Gesamtbetrag ohne Umsatzsteuer", "Rechnungsbetrag inkl. MwSt.",
/// "Gesamtsumme einschließlich USt", as EN 16931 reading views name BT-109 and BT-112).
pub(super) const TOTAL_WORD: &str = r"(?:total|totaal|totale|summe|gesamt|importe|betrag|bedrag|\w+betrag|\w+summe)";

/// A bare "total" in every language.
pub(super) const BARE_TOTAL: &str = r"\btotal\b|\bmontant\s+total\b|\btotaal\b|\btotale\b|\bsumme\b|\bgesamt\b";

/// Mentions of the tax that are not its amount: identifiers, exemptions, reverse charge.
pub(super) const NOT_TAX_AMOUNT: &str = concat!(
    r"\bust[-\s.]*id\w*|\bsteuer[-\s]?n(?:umme)?r\b\.?|\bst\.?[-\s]?nr\b\.?|\bsteuer(?:frei|befreit)\w*",
    r"|\bsteuerschuldnerschaft\b|\bbtw[-\s]?(?:nummer|nr|id)\b\.?|\bbtw\s+verlegd\b|\bpartita\s+iva\b|\bp\.\s?iva\b",
    r"|\bcodice\s+fiscale\b|\binversione\s+contabile\b|\binversi[óo]n\s+del\s+sujeto\s+pasivo\b|\bnif\b|\bcif\b",
    r"|\b(?:steuer)?satz\b|\btarief\b|\baliquota\b|\btipo\b",
);

/// The invoice's own number: Rechnungsnummer, Factuurnummer, Número de factura, Numero fattura.
pub(super) const INVOICE_NUMBER: &str = concat!(
    r"\brechnungs[-\s]?(?:nummer|nr\b\.?)|\b\w*rechnung\s+(?:nr\b\.?|nummer)|\bbeleg[-\s]?(?:nummer|nr\b\.?)",
    // The usual abbreviations: "Re.-Nr.", "Rg.-Nr.", "Rechn.-Nr.", "RE-Nr.".
    r"|\b(?:re|rg|rechn?)(?:\.-?|-)\s?(?:nummer|nr\b\.?)|\bdokument[-\s]?(?:nummer|nr\b\.?)",
    r"|\bfactuur[-\s]?(?:nummer|nr\b\.?)|\bfactuur\s+(?:nr\b\.?|nummer)",
    // OCR reads "rn" as "m": "Factuumummer".
    r"|\bfactuumummer\b",
    r"|\bn[úu]m(?:ero|\.)?\s+(?:de\s+)?factura\b|\bfactura\s+(?:n[úu]m(?:ero|\.)?|n\s?[°º])",
    r"|\bnum(?:ero|\.)?\s+(?:della\s+)?fattura\b|\bfattura\s+(?:n(?:um(?:ero)?)?\b\.?|n\s?[°º])",
    r"|\binvoice\s+(?:number|no\b\.?)",
);

/// The words naming the document after a number word: "N° de facture", "Nº Factura",
/// "Nr. Rechnung", "No. fattura".
pub(super) const DOC_WORD: &str = r"facture|invoice|factura|fattura|factuur|rechnung";

/// A receipt's number: Bonnummer, Belegnummer, Kassenbon-Nr., Número de ticket, Scontrino n.
pub(super) const RECEIPT_NUMBER: &str = concat!(
    r"\bbon[-\s]?(?:nummer|nr\b\.?)|\bkassenbon[-\s]?(?:nummer|nr\b\.?)|\bbonnr\b\.?|\bquittungs?[-\s]?(?:nummer|nr\b\.?)",
    r"|\bn[úu]m(?:ero|\.)?\s+(?:de\s+)?(?:ticket|recibo)\b|\b(?:ticket|recibo)\s+n\s?[°º]",
    r"|\bscontrino\s+(?:n(?:um(?:ero)?)?\b\.?|n\s?[°º])|\bricevuta\s+(?:n(?:um(?:ero)?)?\b\.?|n\s?[°º])",
);

/// A credit note's own number: Gutschriftsnummer, Creditnotanummer, Nota di credito n.
pub(super) const CREDIT_NUMBER: &str = concat!(
    r"\b\w*gutschrift(?:s)?[-\s]?(?:nummer|nr\b\.?)|\bcredit[-\s]?nota[-\s]?(?:nummer|nr\b\.?)",
    r"|\bstornorechnung[-\s]?(?:nummer|nr\b\.?)",
    r"|\bn(?:[úu]m(?:ero|\.)?|\.?\s?[°º])\s*(?:de\s+)?(?:la\s+)?factura\s+rectificativa\b|\bfactura\s+rectificativa\s+n\s?[°º]",
    r"|\bnota\s+de\s+cr[ée]dito\s+(?:n[úu]m(?:ero|\.)?|n\s?[°º])|\bnota\s+di\s+credito\s+(?:n(?:um(?:ero)?)?\b\.?|n\s?[°º])",
);

/// References that are not the document's number, in every language.
pub(super) const OTHER_NUMBER: &str = concat!(
    r"\b(?:kunden|bestell|auftrags|liefer(?:schein)?|kd)[-\s]?(?:nummer|nr\b\.?)|\bihr\w*\s+zeichen\b",
    r"|\b(?:klant|order|bestel)[-\s]?(?:nummer|nr\b\.?)",
    r"|\b(?:n[úu]m(?:ero|\.)?\s+de\s+)?(?:cliente|pedido)\b|\bnum(?:ero|\.)?\s+(?:d['’]\s*)?ordine\b",
    r"|\b(?:customer|order|purchase\s+order|po)\s+(?:number|no\b\.?|#)|\bp\.\s?o\.\s*(?:number|no\b\.?|#)",
);

/// The document's date: Rechnungsdatum, Factuurdatum, Fecha de factura, Data fattura.
pub(super) const ISSUE_DATE: &str = concat!(
    // One date for both: "Rechnungs- und Lieferdatum", "Rechnungsdatum = Leistungsdatum",
    // "Leistungs-/Rechnungsdatum": the invoice's own date, whatever the other word says. First:
    // of the alternatives that match at one place, the first listed is taken.
    r"\brechnungs(?:[-\s]?datum)?\s*(?:[-/=&]|und|u\.)\s*(?:[/=&]|und|u\.)?\s*(?:liefer|leistungs)[-\s]?datum\b",
    r"|\b(?:liefer|leistungs)(?:[-\s]?datum)?\s*(?:[-/=&]|und|u\.)\s*(?:[/=&]|und|u\.)?\s*rechnungs[-\s]?datum\b",
    r"|\b(?:rechnungs|beleg|ausstellungs|gutschrifts)[-\s]?datum\b|\bdatum\s+der\s+rechnung\b",
    r"|\b(?:re|rg|rechn?)(?:\.-?|-)\s?datum\b|\bdokument[-\s]?datum\b",
    r"|\b(?:factuur|creditnota)datum\b|\bfactuur\s+datum\b",
    r"|\bfecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emisi[óo]n|expedici[óo]n)\b",
    r"|\bdata\s+(?:della\s+|di\s+|del\s+)?(?:fattura|documento|doc\b\.?|emissione)",
);
/// The document's own numbered title dated on the same line: "FATTURA N. 12 del 03/02/2026",
/// "Rechnung Nr. 12 vom", "Factura nº 12 de", "Invoice no. 12 of". A quoted document carries an
/// article ("la fattura n. 12 del"), which `REFERENCED_DATE` claims first.
pub(super) const OWN_TITLE_DATE: &str = concat!(
    r"\b(?:fattura|factura|\w*rechnung|factuur|invoice|facture|avoir|\w*gutschrift|nota\s+di\s+credito",
    r"|nota\s+de\s+cr[ée]dito|ricevuta|parcella|recibo|ticket|receipt)(?:\s+\p{L}+)?\s*",
    r"(?:n\s?[°º.]?|nr\.?|no\.?|#)\s*[A-Za-z0-9][\w\-/.]*\s+(?:del|de|vom|van|du|of|dated)\b",
);
/// A bare date word: Datum, Fecha, Data.
pub(super) const BARE_DATE: &str = r"\bdatum\b|\bfecha\b|\bdata\b";
/// The date of another document that this one quotes: "annule et remplace la facture du",
/// "original invoice date", "zur Rechnung vom", "factura rectificada de", "fattura n. 12 del".
pub(super) const REFERENCED_DATE: &str = concat!(
    r"\b(?:la|une|votre|sur|cette)\s+facture(?:\s+n\s?[°º]\s*\S+)?\s+du\b|\boriginal\s+invoice(?:\s+date)?\b",
    r"|\b(?:the|your|our)\s+invoice(?:\s+no\.?\s*\S+)?\s+(?:of|dated)\b",
    r"|\b(?:zur|der|zu\s+der)\s+rechnung(?:\s+nr\.?\s*\S+)?\s+vom\b|\b(?:de|oorspronkelijke)\s+factuur(?:\s+\S+)?\s+van\b",
    r"|\bfactura\s+(?:original|rectificada)(?:\s+\S+)?\s+del?\b|\bfattura\s+originale(?:\s+\S+)?\s+del\b",
    r"|\b(?:la|alla|della|nostra|vostra|sulla|rif\.?|riferimento)\s+fattura\s+n\.?\s*\S+\s+del\b",
    // Another document named with its number, then dated: "Albarán n.º AL-7 de fecha", "Rif. DDT
    // n. 12 del", "Bon de livraison BL-3 du", "Lieferschein Nr. 5 vom", "Delivery note 7 of".
    r"|\b(?:albar[áa]n|pedido|presupuesto|contrato|ddt|bolla|ordine|preventivo|contratto|bon\s+de\s+livraison",
    r"|bon\s+de\s+commande|devis|contrat|lieferschein|bestellung|auftrag|angebot|vertrag|pakbon|bestelling",
    r"|offerte|delivery\s+note|purchase\s+order|quot(?:e|ation)|contract",
    // Work orders and returns: "Parte de trabajo nº PT-4", "Bon d'intervention BI-7", "Werkbon".
    r"|parte\s+de\s+trabajo|orden\s+de\s+trabajo|bon\s+d['’]\s*intervention|bon\s+de\s+retour",
    r"|ordre\s+de\s+travail|arbeitsauftrag|werkbon|rapportino|buono\s+di\s+consegna|offerta|work\s+order)",
    r"(?:\s+(?:n\.?\s?[ºo°]?\.?|nr\.?|no\.?|n[uú]m(?:ero|\.)?|#))?\s*[A-Za-z0-9][\w\-/.]*",
    r"\s+(?:de\s+fecha|del?|vom|van|du|of|dated)\b",
    // Any other document named with its number, then "de fecha" or "del" ("Prenotazione n. 3513
    // del"): the document's own title with its number ("Factura nº 12 de fecha", "Fattura
    // differita n. 12 del") is claimed first, by `OWN_TITLE_DATE`.
    r"|\b\p{L}{3,}\.?\s+(?:n\.?\s?[ºo°]\.?|n\.|nr\.?|n[uú]m(?:ero|\.)?)\s*[A-Za-z0-9][\w\-/.]*\s+(?:de\s+fecha|del)\b",
);
/// Due and payment dates.
pub(super) const DUE_DATE: &str = concat!(
    r"\bf[äa]llig\w*|\bzahlbar\b|\bzahlungs(?:ziel|datum|termin)\b|\bvervaldatum\b|\bvervalt\b|\bbetaal\w*",
    r"|\bvencimiento\b|\bfecha\s+(?:de\s+)?(?:vencimiento|pago)\b|\bscadenza\b|\bdata\s+(?:di\s+)?(?:scadenza|pagamento)\b",
    r"|\bpayment\s+date\b|\bdate\s+of\s+payment\b|\bdate\s+de\s+(?:paiement|r[èe]glement)\b",
    // Direct debits and the due dates of insurance premiums: "Lastschrift", "wird am ... eingezogen",
    // "Abbuchung", "Hauptfälligkeit".
    r"|\blastschrift\w*|\beinzug\w*|\beingezogen\b|\babbuchung\w*|\babgebucht\b|\bhauptf[äa]llig\w*",
    // A deadline: "antes del 30/04/2024", "entro il", "bis spätestens", "uiterlijk op".
    r"|\bantes\s+del?\b|\bentro\s+il\b|\bbis\s+(?:zum|sp[äa]testens)\b|\buiterlijk\b",
);
/// Delivery, order, service period dates.
pub(super) const OTHER_DATE: &str = concat!(
    // A payment made ("Betaald op", "paid on", "réglée par carte bancaire le"): a webshop is paid
    // when the order is placed, before the invoice; no due date, which an invoice cannot follow.
    r"\bpaid\s+on\b|\bbezahlt\s+am\b|\bbetaald\s+op\b|\bpagad[oa]\s+el\b|\bpagat[oa]\s+il\b",
    r"|\b(?:r[ée]gl[ée]e?|pay[ée]e?|encaiss[ée]e?|acquitt[ée]e?)\s+(?:par\s+\S+\s+(?:bancaire\s+)?)?le\b|",
    // Not "Lieferant", "Lieferantenstraße", "Lieferanschrift": a supplier's name and address.
    r"\bliefer(?:datum|termin|tag|zeit\w*|ung\w*|schein\w*|woche|monat)\b|\bgeliefert\b",
    r"|\b(?:leistung|bestell|auftrag)\w*|\bzeitraum\b|\b(?:leverings|order|bestel)\w*|\bperiode\b",
    // Other documents and events: "Angebot vom", "Ihre Anfrage vom", "Vertrag vom", "Mandat",
    // "Versicherungsbeginn", "Abrechnungszeitraum"; Dutch "Leverdatum".
    r"|\bangebot\w*|\banfrage\w*|\bvertrag\w*|\bmandat\w*|\w*beginn\b|\w+zeitraum\b|\blever(?:datum|ing\w*)\b",
    r"|\bentrega\b|\bpedido\b|\bperiodo\b|\bconsegna\b|\bordine\b|\bspedizione\b|\benv[íi]o\b",
    // The date of the supply when it differs from the issue date: "Fecha de operación",
    // "Fecha de prestación", "Data dell'operazione".
    r"|\boperaci[óo]n\b|\bprestaci[óo]n\b|\boperazione\b",
    // A deposit deducted from the total ("abzgl. Anzahlung vom", "acompte versé", "deposit
    // received"), and the completion of the work ("Fertigstellung", "achèvement des travaux").
    r"|\banzahlung\b|\bacomptes?\b|\bdeposit\b|\baanbetaling\b|\banticipo\b|\bacconto\b",
    r"|\bfertigstellung\b|\bcompletion\b|\bcompleted\b|\bach[èe]vement\b|\boplevering\b|\bultimazione\b",
    // An appointment, past or to come ("Prochain rendez-vous", "Next appointment", "Nächster
    // Termin", "Volgende afspraak", "Próxima cita", "Prossimo appuntamento").
    r"|\brendez-vous\b|\brdv\b|\bappointments?\b|\bn[äa]chste[rn]?\s+termin\b|\bfolgetermin\b|\bafspraak\b",
    r"|\bcita\b|\bappuntamento\b",
);

/// Credit notes: Avoir, Credit note, Gutschrift (and its compounds: Remissionsgutschrift,
/// Rückgutschrift), Creditnota, Nota de crédito, Nota di credito.
/// A corrected invoice (Rechnungskorrektur, factura rectificativa: EN 16931 type 384) is an
/// invoice, as the e-invoice path reads type 384.
pub(super) const CREDIT_NOTE: &str = concat!(
    r"\b\w*gutschrift\b|\bstornorechnung\b|\bcredit[-\s]?nota\b|\bcreditfactuur\b",
    r"|\bnota\s+de\s+cr[ée]dito\b|\bnota\s+di\s+credito\b",
    // The Spanish corrective invoice, which credits a returned or cancelled sale.
    r"|\bfactura\s+rectificativa\b",
);
/// Invoices: Facture, Invoice, Rechnung, Factuur, Factura, Fattura; corrected invoices.
pub(super) const INVOICE: &str = concat!(
    r"\bfacture\b|\binvoice\b|\brechnung\b|\bfactuur\b|\bfactura\b|\bfattura\b|\bnote\s+d['’]\s*honoraires\b",
    r"|\brechnungskorrektur\b|\bkorrekturrechnung\b",
    // German compounds: "Gebührenrechnung", "Honorarrechnung", "Schlussrechnung" (a
    // "Stornorechnung" is a credit note, whose marks are read first).
    r"|\b\w+rechnung\b",
);
/// Simplified invoices, which are till receipts: "factura simplificada", "Kleinbetragsrechnung",
/// "fattura semplificata", "ticket de caisse" ("factura simplific..." whatever ending OCR left:
/// "SIMPLIFICAI"). Checked before the invoice words they contain.
pub(super) const SIMPLIFIED: &str = concat!(
    r"\bfactura\s+simplific\w*|\bkleinbetragsrechnung\b|\bfattura\s+semplificata\b",
    r"|\bticket\s+de\s+caisse\b|\bvereenvoudigde\s+factuur\b|\bfactura\s+simplificativa\b",
);
/// Receipts: Ticket, Reçu, Receipt, Quittung, Kassenbon, Kassabon, Recibo, Scontrino, Ricevuta.
pub(super) const RECEIPT: &str =
    r"\bquittung\b|\bkassenbon\b|\bkassabon\b|\bkassabon\b|\brecibo\b|\bscontrino\b|\bricevuta\b";

/// Month names beyond French and English, accents folded.
pub(super) const MONTHS: [&[&str]; 12] = [
    &["januar", "janner", "januari", "enero", "ene", "gennaio", "gen"],
    &["februar", "februari", "febrero", "febbraio"],
    &["marz", "maart", "mrt", "marzo", "mrz"],
    &["april", "abril", "abr", "aprile"],
    &["mei", "mayo", "maggio", "mag"],
    &["juni", "junio", "giugno", "giu"],
    &["juli", "julio", "luglio", "lug"],
    &["august", "augustus", "agosto", "ago"],
    &["september", "septiembre", "settembre", "set"],
    &["oktober", "okt", "october", "octubre", "ottobre", "ott"],
    &["november", "noviembre", "nov"],
    &["dezember", "dez", "december", "diciembre", "dic", "dicembre"],
];
