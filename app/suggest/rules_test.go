package suggest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/app"
)

// ruleCase is one sentence (or short text) with the names it must and must not give.
type ruleCase struct {
	class, text string
	want        map[string]app.ActorKind // name → kind ("" for any)
	not         []string                 // forms that must not be proposed at all
}

// TestSuggestionRuleClasses walks every class of failure of issue 9 with sentences written
// for this test: each must give its names with the right kind and none of the noise.
func TestSuggestionRuleClasses(t *testing.T) {
	cases := []ruleCase{
		{"company words and legal suffixes", "Shares in Tarrow Shipping Lines fell after Pelham Mining Corp and Ivel Labs cut their forecasts. Quenby Holdings AG said nothing.",
			map[string]app.ActorKind{"Tarrow Shipping Lines": app.Organisation, "Pelham Mining Corp": app.Organisation, "Ivel Labs": app.Organisation, "Quenby Holdings AG": app.Organisation}, nil},
		{"what a company does, before its name", "The carmaker Dunmore Vale and the lender Castor Pike agreed a loan. Local charity Open Kettle welcomed it.",
			map[string]app.ActorKind{"Dunmore Vale": app.Organisation, "Castor Pike": app.Organisation, "Open Kettle": app.Organisation}, nil},
		{"ampersand joins a firm's name", "The accounts were audited by Garrow & Wynn, who charged a record fee.",
			map[string]app.ActorKind{"Garrow & Wynn": app.Organisation}, []string{"Garrow", "Wynn"}},
		{"table cells give no names alone", "Sales rose at Fenwick Steel.\n\nFIRM | SALES | CHANGE\nFENWICK STEEL | 12 | +3%\nBELLAMY GLASS | 9 | -1%\nTOTAL | 21 | +1%\n",
			map[string]app.ActorKind{"Fenwick Steel": app.Organisation}, []string{"Bellamy Glass", "Total", "Firm", "Sales", "Change"}},
		{"all-caps lines give no names alone", "HARBOUR STRIKE SPREADS TO NORTHERN YARDS\n\nWorkers at three yards stopped work on Monday, the Tidewater Crane Union said.",
			map[string]app.ActorKind{"Tidewater Crane Union": app.Organisation}, []string{"Harbour Strike Spreads", "Northern Yards", "HARBOUR STRIKE SPREADS TO NORTHERN YARDS"}},
		{"slogans quoted from a post", `Councillor Ada Brennick wrote: "Clean Air. Clear Skies. Our City First!" Her rival Tomas Hurl called it empty.`,
			map[string]app.ActorKind{"Ada Brennick": app.Person, "Tomas Hurl": app.Person}, []string{"Clean Air", "Clear Skies", "Our City First"}},
		{"spreadsheet formulas and cells", `The clerk typed =SUM(C3:C19) into the total row instead of =AVERAGE(C3:C19), the Borough Finance Office said.`,
			map[string]app.ActorKind{"Borough Finance Office": ""}, []string{"SUM", "AVERAGE", "C3", "C19"}},
		{"measure acronyms", "Inflation and GDP figures worried the Reserve Council, while VAT receipts rose.",
			map[string]app.ActorKind{}, []string{"GDP", "VAT"}},
		{"events, awards, laws and indexes", "After the Harvest Cup and the Glenford Book Prize, ministers debated the Water Purity Act as the Meridian Composite slipped.",
			map[string]app.ActorKind{}, []string{"Harvest Cup", "Glenford Book Prize", "Water Purity Act", "Meridian Composite"}},
		{"products and model numbers", "Kestrine Devices shipped the Nova 7 handset and the Orbit Z3 tablet; the Kestrine Devices board met on Friday.",
			map[string]app.ActorKind{"Kestrine Devices": ""}, []string{"Nova", "Orbit Z3", "Orbit"}},
		{"organisation, role, person: two names", "Tidewater Port Authority chief Ilka Brandauer said the cranes were safe.",
			map[string]app.ActorKind{"Tidewater Port Authority": "", "Ilka Brandauer": app.Person}, []string{"Tidewater Port Authority chief Ilka Brandauer"}},
		{"legal suffix: the short name is the same company", "Wexmoor Tiles AS cut jobs on Monday. Wexmoor Tiles said demand had fallen.",
			map[string]app.ActorKind{"Wexmoor Tiles AS": app.Organisation}, []string{"Wexmoor Tiles AS Wexmoor"}},
		{"a sentence's first word before a cue noun is no name", "VELMORA — Armed factions took the ridge on Monday. Rival militias held the valley, the Velmora Watch Council said.",
			map[string]app.ActorKind{"Velmora Watch Council": ""}, []string{"Armed", "Rival"}},
		{"news agency in a dateline", "TALCAHUANO, Chile, May 3 (Sierra Wire) — Fishing crews blocked the port on Monday.",
			map[string]app.ActorKind{"Sierra Wire": app.Media}, []string{"Talcahuano"}},
		{"appositive says the kind", "Gorvane, the EU fisheries agency, and Il Faro, the local daily, both asked for the figures.",
			map[string]app.ActorKind{"Gorvane": app.Organisation, "Il Faro": app.Media}, nil},
		{"analysts at a firm: not a place", "Analysts at Pellory Harcourt said the sale was cheap.",
			map[string]app.ActorKind{"Pellory Harcourt": app.Organisation}, nil},
		{"a country whose name holds and", "Talks with Bosnia and Herzegovina resumed, and Trinidad and Tobago sent observers.",
			map[string]app.ActorKind{"Bosnia and Herzegovina": app.State, "Trinidad and Tobago": app.State}, []string{"Herzegovina", "Tobago"}},
		{"an award named with of", "She won the Spirit of Carvel award on Friday, said the Carvel Arts Trust.",
			map[string]app.ActorKind{"Carvel Arts Trust": app.Organisation}, []string{"Spirit", "Spirit of Carvel"}},
		{"place words after a name", "Output at the Dorrit Hill mine and the Salt Bay terminal fell, Kelso Mining said.",
			map[string]app.ActorKind{"Kelso Mining": app.Organisation}, []string{"Dorrit Hill"}},
		{"capitals named once with no evidence are not a person", "The posters read Quiet Days Forever in white letters, and Agnieszka Wrona answered with a smile.",
			map[string]app.ActorKind{"Agnieszka Wrona": app.Person}, []string{"Quiet Days Forever"}},
		{"a repeated name with no evidence keeps an open kind", "Talvane Orrin met donors on Monday. By Friday Talvane Orrin had left the talks.",
			map[string]app.ActorKind{"Talvane Orrin": app.OtherKind}, nil},
		{"a first name overrides to, at, from", "The minister sent a letter to Paulo Ferraz on Monday.",
			map[string]app.ActorKind{"Paulo Ferraz": app.Person}, nil},
		{"weekdays and months are not glued to a name", "The Harbour Ministry Tuesday denied it; in March Ilona Varga, a lawyer, said so.",
			map[string]app.ActorKind{"Harbour Ministry": app.GovernmentBody, "Ilona Varga": app.Person}, []string{"Harbour Ministry Tuesday", "March Ilona Varga"}},
		{"emphasis and capitalised nouns inside a quoted post", "Lorcan Beale posted: “Under the old board the club had NO hope of Glory, Honour, or Silverware.”",
			map[string]app.ActorKind{"Lorcan Beale": app.Person}, []string{"NO", "Glory", "Honour", "Silverware"}},
		{"a dateline on a line of its own", "KORSVIK\n\nThe Korsvik Ferry Company said on Monday that Henrik Aas would step down.",
			map[string]app.ActorKind{"Korsvik Ferry Company": app.Organisation}, []string{"KORSVIK"}},
		{"two countries joined by a hyphen", "The 40-day Armenia-Azerbaijan war ended with a truce.",
			map[string]app.ActorKind{"Armenia": app.State, "Azerbaijan": app.State}, []string{"Armenia-Azerbaijan"}},
		{"a demonym the gazetteer lacks", "Dravanian skiers won twice, and the Dravanian Ski Union, led by coach Ola Brekk, said Dravanian snow was the best.",
			map[string]app.ActorKind{"Dravanian Ski Union": app.Organisation}, []string{"Dravanian"}},
		{"short English first names are evidence", "Fare rises were defended by Doug Harlan at the hearing.",
			map[string]app.ActorKind{"Doug Harlan": app.Person}, nil},
		{"what a name is, said after it or before it", "Danish carrier Tolvik said its ships were safe, the Sabra television channel reported.",
			map[string]app.ActorKind{"Tolvik": app.Organisation, "Sabra": app.Media}, nil},
		{"a cue word before another name describes that one", "Patient group Mendal Care Trust and Dr. Hilde Moen asked for answers.",
			map[string]app.ActorKind{"Mendal Care Trust": app.Organisation, "Hilde Moen": app.Person}, []string{"Patient"}},
		{"a legal abbreviation keeps its dot", "The solvent came from Quanli Fine Chemicals Co. in the east.",
			map[string]app.ActorKind{"Quanli Fine Chemicals Co.": app.Organisation}, nil},
		{"medicines are products", "Orvane Pharma AG recalled its Cardexa tablets on Friday.",
			map[string]app.ActorKind{"Orvane Pharma AG": app.Organisation}, []string{"Cardexa"}},
		{"local councils and portfolio agencies", "Harlowfield Council blamed the Environment Agency for the delay.",
			map[string]app.ActorKind{"Harlowfield Council": app.GovernmentBody, "Environment Agency": app.GovernmentBody}, nil},
		{"public bodies: a state's unless the name says above states", "The Varesh Fair Trade Commission and the Orlen Canal Authority fined the importer. ONSTAT, the statistics agency, and Pellam, the EU border agency, published figures; the data watchdog, the DPVK, said nothing.",
			map[string]app.ActorKind{"Varesh Fair Trade Commission": app.GovernmentBody, "Orlen Canal Authority": app.GovernmentBody, "ONSTAT": app.GovernmentBody, "Pellam": app.Organisation, "DPVK": app.GovernmentBody}, nil},
		{"legal suffixes with dots, or two joined by a comma", "Tarsen Paints B.V. and Morel Logistique SAS signed the deal. Kaito Denki Co., Ltd. supplied the motors, and Kaito Denki said so.",
			map[string]app.ActorKind{"Tarsen Paints B.V.": app.Organisation, "Morel Logistique SAS": app.Organisation, "Kaito Denki Co., Ltd.": app.Organisation}, []string{"Ltd", "Kaito Denki Co."}},
		{"a demonym before a person's name is not part of it", "Chilean Rosario Ibarren, who led early, beat Ugandan Moses Ateker, a former teacher.",
			map[string]app.ActorKind{"Rosario Ibarren": app.Person, "Moses Ateker": app.Person}, []string{"Chilean Rosario Ibarren", "Ugandan Moses Ateker"}},
		{"a lone word before a said-type verb is a name, not a plural or a mass noun", "Verlimo said it would appeal. Analysts said the fine was small. Police said nothing, and Someone said otherwise.",
			map[string]app.ActorKind{"Verlimo": app.Organisation}, []string{"Analysts", "Police", "Someone"}},
		{"one tells a newsroom, a newsroom reports", "The mayor told Radiokor that the vote was fair. Vestnik24 reported that two aides had quit.",
			map[string]app.ActorKind{"Radiokor": app.Media, "Vestnik24": app.Media}, nil},
		{"a lone name nothing says is a person's is an organisation's", "Couriers asked Quickbasket and Parcelo to sign the code.",
			map[string]app.ActorKind{"Quickbasket": app.Organisation, "Parcelo": app.Organisation}, nil},
		{"every item of a list after a place word is a place", "Riders in Tarvik, Olmsund and Brevna stopped work. In Kessel, Verbana said it would pay.",
			map[string]app.ActorKind{"Verbana": app.Organisation}, []string{"Tarvik", "Olmsund", "Brevna", "Kessel"}},
		{"a byline's author and place are no actors", "By Ines Caro, Velmar\n\nDockers struck on Monday, the Kessel Dock Union said.",
			map[string]app.ActorKind{"Kessel Dock Union": app.Organisation}, []string{"Velmar", "Ines Caro"}},
		{"people after a comma that closes a role phrase", "Two of the firm's directors, Ilie Vornic and Tudor Sârbu, were charged. Velsen's leader in the assembly, Marta Quiroga, objected. The runner-up, Obiageli Nnadi of the Unity Party, appealed. The board arrived late on Monday, Valtor said.",
			map[string]app.ActorKind{"Ilie Vornic": app.Person, "Tudor Sârbu": app.Person, "Marta Quiroga": app.Person, "Obiageli Nnadi": app.Person, "Valtor": app.Organisation}, nil},
		{"a body's list of portfolios is one name; a role's list is no name", "The Ministry of Roads, Ports and the Blue Economy said so, and Health and Housing Minister Halvor Runde agreed.",
			map[string]app.ActorKind{"Ministry of Roads, Ports and the Blue Economy": app.GovernmentBody, "Halvor Runde": app.Person}, []string{"Ministry of Roads", "Ports", "Health", "Blue Economy"}},
		{"a name in capitals in running prose is an organisation's", "Shares of KDM OSV rose on Monday, KDM OSV said.",
			map[string]app.ActorKind{"KDM OSV": app.Organisation}, nil},
		{"a country or a continent inside a name: no person's", "Telnor Ghana and Ushindi Africa said the outage was over.",
			map[string]app.ActorKind{"Telnor Ghana": app.Organisation, "Ushindi Africa": app.Organisation}, nil},
		{"organisation words in other languages and elided particles", "The Fundación Luz Norte wrote to the Conseil d'État on Monday.",
			map[string]app.ActorKind{"Fundación Luz Norte": app.Organisation, "Conseil d'État": app.GovernmentBody}, []string{"Conseil"}},
		{"a cue word before a name lets of and the into it", "The charity Friends of the Forest planted oaks.",
			map[string]app.ActorKind{"Friends of the Forest": app.Organisation}, []string{"Friends", "Forest"}},
		{"parties, trade unions and congresses", "The ruling Civic Accord Union, the Harbour Workers' Union and the Grand Progressives Congress met on Monday.",
			map[string]app.ActorKind{"Civic Accord Union": app.Party, "Harbour Workers' Union": app.Organisation, "Grand Progressives Congress": app.Party}, nil},
		{"a name that starts like a body's is no person's, even when it speaks", "World Rowing said the regatta would go ahead.",
			map[string]app.ActorKind{"World Rowing": app.Organisation}, nil},
		{"given names of many languages are evidence of a person", "Grants went to Chinedu Okafor, Tigist Alemu and Răzvan Ilie in March.",
			map[string]app.ActorKind{"Chinedu Okafor": app.Person, "Tigist Alemu": app.Person, "Răzvan Ilie": app.Person}, nil},
		{"a possessive before a number is no product's name", "Governor Telmo Arrieta Vidal's 2023 campaign was audited; Arrieta Vidal, who denies wrongdoing, appealed.",
			map[string]app.ActorKind{"Telmo Arrieta Vidal": app.Person}, nil},
		{"a party noun after a name of common words", "The Europe Forward movement won the most seats.",
			map[string]app.ActorKind{"Europe Forward": app.Party}, nil},
		{"a legal suffix written in lower case", "Shares in Tollgate Holdings plc rose on Monday.",
			map[string]app.ActorKind{"Tollgate Holdings plc": app.Organisation}, []string{"plc"}},
		{"a kind noun before a comma says what the name after it is", "The newspaper, La Voz Libre, printed the invoices. The contractor, Obras Teide, denied it. Halcyon Estates, one of the developers named in the order, objected.",
			map[string]app.ActorKind{"La Voz Libre": app.Media, "Obras Teide": app.Organisation, "Halcyon Estates": app.Organisation}, nil},
		{"connectors of other languages inside a name", "The Fundación para la Vivienda wrote to the council. Transparencia por Chile urged it to act.",
			map[string]app.ActorKind{"Fundación para la Vivienda": app.Organisation, "Transparencia por Chile": app.Organisation}, []string{"Chile"}},
		{"pacts and centres named with party words are parties", "The Historic Accord Pact and the Democratic Centre won seats.",
			map[string]app.ActorKind{"Historic Accord Pact": app.Party, "Democratic Centre": app.Party}, nil},
		{"regional adjectives and platforms are no actors", "Nordic banks said on LinkedIn that Baltic lenders would follow.",
			map[string]app.ActorKind{}, []string{"Nordic", "LinkedIn", "Baltic"}},
		{"a state's board", "The Karavan State Water Board fined the plant.",
			map[string]app.ActorKind{"Karavan State Water Board": app.GovernmentBody}, nil},
		{"a scandal or an affair is no actor", "After the Corvex scandal, regulators acted.",
			map[string]app.ActorKind{}, []string{"Corvex"}},
		{"a name told something with no first name is a newsroom", "The minister told Kveldsposten Idag that the plan was dead.",
			map[string]app.ActorKind{"Kveldsposten Idag": app.Media}, nil},
		{"both or either between a place word and a list", "The group will be listed in both Torvik and Aalen.",
			map[string]app.ActorKind{}, []string{"Torvik", "Aalen"}},
		{"the last complement of a body's name after and", "Observers from the Centre for Monitoring and Research counted the votes.",
			map[string]app.ActorKind{"Centre for Monitoring and Research": app.Organisation}, []string{"Research", "Centre for Monitoring"}},
		{"a name's party, named after a comma", "Delgado's party, Avanza, holds a majority.",
			map[string]app.ActorKind{"Avanza": app.Party}, nil},
		{"a lone word joined by and to a name, or described by which", "Quorra and Snapfin declined to comment. Veltaro, which makes the vaccine, said it was ready. Health and Education ministers met.",
			map[string]app.ActorKind{"Quorra": app.Organisation, "Snapfin": app.Organisation, "Veltaro": app.Organisation}, []string{"Health", "Education"}},
		{"a sentence written like a headline inside a longer quotation", `"We blocked 4 million messages last year. The Watchdog Ignored Every One Of Them," wrote Callum Brisk, the founder.`,
			map[string]app.ActorKind{"Callum Brisk": app.Person}, []string{"Watchdog Ignored Every One Of Them", "Watchdog"}},
		{"a place is no short form of a person's name", "Rhea Morvane Kotla said the Kotla lake was dying.",
			map[string]app.ActorKind{"Rhea Morvane Kotla": app.Person}, []string{"Kotla"}},
		{"where a party stands, and a lone name with a leader", "The far-right Patria Nueva gained seats, and Avanti's leader, Rosa Ferri, conceded.",
			map[string]app.ActorKind{"Patria Nueva": app.Party, "Avanti": app.Party, "Rosa Ferri": app.Person}, nil},
		{"legal suffixes of more countries, and A/S", "Norvang Holding A/S, Sabores do Pampa Ltda. and Kinabalu Foods Bhd. signed the deal.",
			map[string]app.ActorKind{"Norvang Holding A/S": app.Organisation, "Sabores do Pampa Ltda.": app.Organisation, "Kinabalu Foods Bhd.": app.Organisation}, []string{"Norvang Holding A"}},
		{"a union of workers is a trade union", "The National Union of Welders of Veskaria called a strike.",
			map[string]app.ActorKind{"National Union of Welders of Veskaria": app.Organisation}, nil},
		{"an appositive after a possessive, or ending in a noun and a connector", "FORDA, Varnia's competition authority, and Copa-Verdi, the lobby for dairy farmers, objected.",
			map[string]app.ActorKind{"FORDA": app.GovernmentBody, "Copa-Verdi": app.Organisation}, nil},
		{"a kind noun with an adjective before the comma", "A newer group, Zielona Wieś, led the march.",
			map[string]app.ActorKind{"Zielona Wieś": app.Organisation}, nil},
		{"told the newsroom", "The chair told the KBN on Monday that the mine was safe.",
			map[string]app.ActorKind{"KBN": app.Media}, nil},
		{"shares in a company: whose, not where", "Shares in Tallowmere fell 7 percent.",
			map[string]app.ActorKind{"Tallowmere": app.Organisation}, nil},
		{"Brussels stands for the European Union", "Farmers will stay on the roads until Brussels listens.",
			map[string]app.ActorKind{"Brussels": app.Organisation}, nil},
		{"an acronym after and starts a name of its own", "Telvoro and MTK Group sell phones in instalments.",
			map[string]app.ActorKind{"Telvoro": app.Organisation, "MTK Group": app.Organisation}, []string{"Telvoro and MTK Group"}},
		{"a place noun three words on", "Blasting at its Yarrabee iron ore mine stopped.",
			map[string]app.ActorKind{}, []string{"Yarrabee"}},
		{"a stem that says where is no state", "The Singapore-listed Tembar Resources owns it.",
			map[string]app.ActorKind{"Tembar Resources": app.Organisation}, []string{"Singapore", "Singapore-listed Tembar Resources"}},
		{"chambers of legislators and electoral bodies are a state's", "The Chamber of Deputies questioned the National Electoral Institute; the Chamber of Commerce stayed silent.",
			map[string]app.ActorKind{"Chamber of Deputies": app.GovernmentBody, "National Electoral Institute": app.GovernmentBody, "Chamber of Commerce": app.Organisation}, nil},
		{"an initial's dot before a pronoun ends the sentence; her party after a comma", "She wrote on X. Her party, Avanzar, holds a majority.",
			map[string]app.ActorKind{"Avanzar": app.Party}, []string{"X. Her"}},
		{"a title's abbreviation in capitals is an acronym", "The mayor told DR on Monday that talks would start.",
			map[string]app.ActorKind{"DR": app.Media}, nil},
		{"a number after a legal suffix is no product", "Regulators fined Daeyang Cable Co., Ltd. 41 billion won.",
			map[string]app.ActorKind{"Daeyang Cable Co., Ltd.": app.Organisation}, nil},
		{"lawmakers from parties, the second ending in a country", "Lawmakers from Fuerza Nueva and Somos Chile voted no.",
			map[string]app.ActorKind{"Fuerza Nueva": app.Party, "Somos Chile": ""}, []string{"Fuerza Nueva and Somos Chile"}},
		{"the gang known as", "Police arrested members of the gang known as Los Lobos del Sur.",
			map[string]app.ActorKind{"Los Lobos del Sur": app.ArmedGroup}, nil},
		{"according to is a source, not a place", "Turnout was 61 percent, according to Statistics Ghana.",
			map[string]app.ActorKind{"Statistics Ghana": ""}, nil},
		{"syrups and creams are products", "Tests found a solvent in its Coldex syrup.",
			map[string]app.ActorKind{}, []string{"Coldex"}},
		{"a job at an institution", "Anand Rao, a paediatrician at AIIMS Patna, told reporters the wards were full.",
			map[string]app.ActorKind{"AIIMS Patna": app.Organisation, "Anand Rao": app.Person}, nil},
		{"a table's PARTY column gives its names the kind party", "Renew Group came third.\n\nCANDIDATE | PARTY | VOTES\nAnna Pirie | Renew Group | 742\nIain Rusk | Labour | 611\n",
			map[string]app.ActorKind{"Renew Group": app.Party}, []string{"Anna Pirie", "Iain Rusk"}},
		{"a role noun opening a sentence is not part of the name after it", "Rival Halden Optik AG declined to comment.",
			map[string]app.ActorKind{"Halden Optik AG": app.Organisation}, []string{"Rival Halden Optik AG"}},
		{"newspaper words", "She told the Halifax Chronicle that the fees were hidden.",
			map[string]app.ActorKind{"Halifax Chronicle": app.Media}, nil},
		{"a title's complement names no one", "Qatar's Minister of State for Energy Affairs, Saad al-Kuwari, spoke first.",
			map[string]app.ActorKind{"Saad al-Kuwari": app.Person}, []string{"Affairs", "Energy Affairs"}},
		{"a country's board", "The Ghana Timber Board raised its fees.",
			map[string]app.ActorKind{"Ghana Timber Board": app.GovernmentBody}, nil},
		{"the place whose council or department it is", "The Dunmore council voted on Monday; the Kessary health department agreed.",
			map[string]app.ActorKind{}, []string{"Dunmore", "Kessary"}},
		{"followers' adjectives in -ist are no actors", "The opposition Peronist bloc Unión por la Patria objected.",
			map[string]app.ActorKind{"Unión por la Patria": app.Party}, []string{"Peronist"}},
		{"a ministry's portfolios after and", "The Ministry of Energy and Mineral Resources ordered checks.",
			map[string]app.ActorKind{"Ministry of Energy and Mineral Resources": app.GovernmentBody}, []string{"Mineral Resources", "Ministry of Energy"}},
		{"X and other carmakers", "Voltra and other carmakers buy the metal.",
			map[string]app.ActorKind{"Voltra": app.Organisation}, nil},
		{"a compass word between a place word and a place", "Police fired tear gas in central Tavora on Tuesday.",
			map[string]app.ActorKind{}, []string{"Tavora"}},
		{"a cabinet title", "Treasury Cabinet Secretary Njoroge Kamau said so.",
			map[string]app.ActorKind{"Njoroge Kamau": app.Person}, []string{"Treasury Cabinet"}},
		{"an appositive's noun before a relative pronoun or of", "Skyvane, the agency that manages the airspace, said delays doubled. Ostra Express, the short-haul arm of the Velmar group, came first.",
			map[string]app.ActorKind{"Skyvane": "", "Ostra Express": app.Organisation}, nil},
		{"a listed place with a particle inside", "Sellers called on towns in Vila de Arcos and Tormena.",
			map[string]app.ActorKind{}, []string{"Tormena", "Vila de Arcos"}},
		{"a table's TEAM column gives its names the kind organisation", "Sporting Vale, who qualified in second place, will play next.\n\nTEAM | P | PTS\nCLUB RIVERA | 6 | 13\nSPORTING VALE | 6 | 10\n",
			map[string]app.ActorKind{"Sporting Vale": app.Organisation}, []string{"Club Rivera"}},
		{"coast guards and authorities keep their demonym; departments do not", "The Philippine Coast Guard and the Ethiopian Civil Aviation Authority responded; the Philippine Department of Foreign Affairs protested.",
			map[string]app.ActorKind{"Philippine Coast Guard": app.GovernmentBody, "Ethiopian Civil Aviation Authority": app.GovernmentBody, "Department of Foreign Affairs": app.GovernmentBody}, []string{"Coast Guard"}},
		{"naval ranks, federations, ships", "Commodore Jay Tarlac posted a video. Pamalanda, a national federation of small fishers, said the BRP Datu Kalantiaw was hit.",
			map[string]app.ActorKind{"Jay Tarlac": app.Person, "Pamalanda": app.Organisation}, []string{"Commodore Jay Tarlac", "BRP Datu Kalantiaw", "Datu Kalantiaw"}},
		{"stages and competitions", "They topped Group C of the Copa Andina and won the Copa.",
			map[string]app.ActorKind{}, []string{"Group C", "Copa Andina", "Copa"}},
		{"a quantity after a name, a billionaire, plural acronyms of things", "The judge gave Telvia 24 hours to comply; Telvia said it would appeal. The American billionaire Dalton Reeve attacked him, and users turned to VPNs.",
			map[string]app.ActorKind{"Telvia": "", "Dalton Reeve": app.Person}, []string{"VPNs"}},
		{"a name ending in a two-word country, then and", "HSBC Saudi Arabia and Al Rajhi Capital managed the offering.",
			map[string]app.ActorKind{"HSBC Saudi Arabia": app.Organisation, "Al Rajhi Capital": app.Organisation}, nil},
		{"a network posted on is no actor; the company is", "She wrote on Instagram and on her Instagram account. Competitors Bluesky and Threads gained users.",
			map[string]app.ActorKind{"Bluesky": app.Organisation, "Threads": app.Organisation}, []string{"Instagram"}},
		{"a federal agency", "The Federal Network Agency objected.",
			map[string]app.ActorKind{"Federal Network Agency": app.GovernmentBody}, nil},
		{"a body's own General, a family, a model code after a number", "The Directorate General of Civil Aviation said the airline owned by the Saral family had ordered 737 MAX jets.",
			map[string]app.ActorKind{"Directorate General of Civil Aviation": app.GovernmentBody}, []string{"Civil Aviation", "Saral", "MAX"}},
		{"a trade unions' congress; an acronym inside a name", "The Veskaria Labour Congress called a strike, and Coca-Cola FEMSA closed its plant.",
			map[string]app.ActorKind{"Veskaria Labour Congress": app.Organisation, "Coca-Cola FEMSA": app.Organisation}, nil},
		{"a lone name before a title says whose title it is", "Tessaly Attorney General Lyle Brant sued them.",
			map[string]app.ActorKind{"Lyle Brant": app.Person}, []string{"Tessaly"}},
		{"a weak place clue gives way to a relative clause", "The order is a blow to Veltrix, which had hoped to win it.",
			map[string]app.ActorKind{"Veltrix": app.Organisation}, nil},
		{"a table cell writes a name whole", "Brothers of Veskaria gained two seats.\n\nLIST | SEATS\nBROTHERS OF VESKARIA | 6\nCIVIC LEAGUE | 3\n",
			map[string]app.ActorKind{"Brothers of Veskaria": app.Party}, []string{"Brothers", "Veskaria"}},
		{"boroughs and reservoirs are places", "Residents of the borough of Tlalco blocked roads; the Cutzam reservoir system is low.",
			map[string]app.ActorKind{}, []string{"Tlalco", "Cutzam"}},
		{"a shipped gazetteer of large cities and regions", "Texas officials and Madhya Pradesh inspectors visited Osaka; the Texas Rangers Foundation paid.",
			map[string]app.ActorKind{"Texas Rangers Foundation": app.Organisation}, []string{"Texas", "Madhya Pradesh", "Osaka"}},
	}
	for _, c := range cases {
		t.Run(c.class, func(t *testing.T) {
			got := ExtractArticle("", c.text, "", nil)
			byForm := map[string]Suggestion{}
			for _, s := range got {
				for _, f := range s.Forms() {
					byForm[f] = s
				}
			}
			for name, kind := range c.want {
				s, ok := byForm[app.Fold(name)]
				if !ok || app.Fold(s.Name) != app.Fold(name) {
					t.Errorf("%q not proposed as a name; got %v", name, got)
					continue
				}
				if kind != "" && s.Kind != kind {
					t.Errorf("%q: kind %s, want %s", name, s.Kind, kind)
				}
			}
			for _, n := range c.not {
				if s, ok := byForm[app.Fold(n)]; ok {
					t.Errorf("%q proposed (in %q)", n, s.Name)
				}
			}
		})
	}
}

// TestBylineAuthorNotProposed: the author a byline names wrote the article; the people it
// quotes are in it.
func TestBylineAuthorNotProposed(t *testing.T) {
	body := "By Rosalind Achterberg and Piet Lowe\n\nHarbour pilot Dana Cresswell said the channel was too shallow."
	got := ExtractArticle("Pilots warn of silt", body, "", nil)
	for _, s := range got {
		if s.Name == "Rosalind Achterberg" || s.Name == "Piet Lowe" {
			t.Errorf("the byline's author %q proposed", s.Name)
		}
	}
	if !slices.ContainsFunc(got, func(s Suggestion) bool { return s.Name == "Dana Cresswell" }) {
		t.Errorf("Dana Cresswell not proposed: %v", got)
	}
}

// TestAmbiguousAliasWithheld: a short form that is also a place in the article, or that
// two suggestions share, is reported as withheld with its reason, not proposed.
func TestAmbiguousAliasWithheld(t *testing.T) {
	body := "Dockers of the Varnholt Dock Union met in Varnholt on Monday. Varnholt said the strike would go on. " +
		"Ferrow Shipping and Ferrow Labs both posted losses; Ferrow said it would cut costs."
	got := ExtractArticle("", body, "", nil)
	check := func(name, alias, reason string) {
		t.Helper()
		i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == name })
		if i < 0 {
			t.Fatalf("%q not proposed: %v", name, got)
		}
		s := got[i]
		if slices.Contains(s.Aliases, alias) {
			t.Errorf("%q proposed as an alias of %q", alias, name)
		}
		if !slices.Contains(s.Withheld, WithheldAlias{Alias: alias, Reason: reason}) {
			t.Errorf("%q: withheld %v, want %q (%s)", name, s.Withheld, alias, reason)
		}
	}
	check("Varnholt Dock Union", "Varnholt", ReasonPlace)
	// A city of the shipped gazetteer is a place wherever the text names it.
	got = ExtractArticle("", "The Gdansk Port Authority closed two berths. Gdansk said the strike would end.", "", nil)
	check("Gdansk Port Authority", "Gdansk", ReasonPlace)
	body2 := "Dravanian skiers won twice, and the Dravanian Ski Union said Dravanian snow was the best."
	got = ExtractArticle("", body2, "", nil)
	check("Dravanian Ski Union", "Dravanian", ReasonAdjective)
	// Both Ferrow names can own "Ferrow": it stays with neither.
	for _, s := range got {
		if slices.Contains(s.Aliases, "Ferrow") {
			t.Errorf("%q proposes the shared form Ferrow", s.Name)
		}
	}
}

// TestOfAfterSentenceStartIsNoPlace: "Shares of Kolvenbank" does not make the bank's
// short name a place ("Residents of Qamishli" does), so it stays a proposed alias.
func TestOfAfterSentenceStartIsNoPlace(t *testing.T) {
	got := ExtractArticle("", "Kolvenbank ASA cut its forecast. Shares of Kolvenbank fell 4 percent.", "", nil)
	i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == "Kolvenbank ASA" })
	if i < 0 || !slices.Contains(got[i].Aliases, "Kolvenbank") {
		t.Errorf("Kolvenbank not an alias of Kolvenbank ASA: %v", got)
	}
}

// TestCompanyWordsDroppedIsAnAlias: "Velvet Crown" is "Velvet Crown Shipping" without its
// company word, as "Nordlaks Havbruk" is "Nordlaks Havbruk AS" without its legal suffix.
func TestCompanyWordsDroppedIsAnAlias(t *testing.T) {
	got := ExtractArticle("", "Velvet Crown Shipping lost a ship on Monday. Velvet Crown's owner said the crew was safe.", "", nil)
	i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == "Velvet Crown Shipping" })
	if i < 0 || !slices.Contains(got[i].Aliases, "Velvet Crown") || len(got) != 1 {
		t.Errorf("want Velvet Crown Shipping alone, with the alias Velvet Crown: %v", got)
	}
	got = ExtractArticle("", "Sunbeam Remedies Pvt Ltd recalled the batch. Sunbeam Remedies apologised.", "", nil)
	if len(got) != 1 || !slices.Contains(got[0].Aliases, "Sunbeam Remedies") {
		t.Errorf("want Sunbeam Remedies Pvt Ltd alone, with the alias Sunbeam Remedies: %v", got)
	}
	got = ExtractArticle("", "PT Karya Logam Tbk halted work. Shares of Karya Logam fell.", "", nil)
	if len(got) != 1 || !slices.Contains(got[0].Aliases, "Karya Logam") {
		t.Errorf("want PT Karya Logam Tbk alone, with the alias Karya Logam: %v", got)
	}
	// Initials skip a particle inside a hyphenated word; a registered company is named by its
	// first words.
	got = ExtractArticle("", "Pakistan Tehreek-e-Insaf won; PTI candidates were held. Bozkurt Jet Havayolları A.Ş. ordered jets, Bozkurt Jet said.", "", nil)
	for _, want := range [][2]string{{"Pakistan Tehreek-e-Insaf", "PTI"}, {"Bozkurt Jet Havayolları A.Ş.", "Bozkurt Jet"}} {
		i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == want[0] })
		if i < 0 || !slices.Contains(got[i].Aliases, want[1]) {
			t.Errorf("want %s with the alias %s: %v", want[0], want[1], got)
		}
	}
	// A party word starting a party's name is its short form; a person's council is his.
	got = ExtractArticle("", "The Labour Party won. Labour said so. Rashad al-Alimi met envoys. Alimi's council governs from Aden.", "", nil)
	for _, want := range [][2]string{{"Labour Party", "Labour"}, {"Rashad al-Alimi", "Alimi"}} {
		i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == want[0] })
		if i < 0 || !slices.Contains(got[i].Aliases, want[1]) {
			t.Errorf("want %s with the alias %s: %v", want[0], want[1], got)
		}
	}
	// "Federal Court" is "Federal Court of Veskaria" without what follows its head noun.
	got = ExtractArticle("Federal Court halts blasting", "The Federal Court of Veskaria ruled on Friday.", "", nil)
	if len(got) != 1 || got[0].Name != "Federal Court of Veskaria" || !slices.Contains(got[0].Aliases, "Federal Court") {
		t.Errorf("want Federal Court of Veskaria alone, with the alias Federal Court: %v", got)
	}
}

// FuzzMarkLayout: any text is read without panics, and layout marks only words.
func FuzzMarkLayout(f *testing.F) {
	for _, s := range []string{"A | B\nC\tD", "=SUM(B2:B9)", `"Zero Debt. Zero Fear"`, "HEADLINE HERE\n\nProse.", "“Open", "B2:", ":B2", "=", "|", "PARTY | SEATS\nRenew | 4\n| |", "A\tPARTY\nx\tReform UK", "Co., Ltd", "A/S",
		"NAME   PARTY  VOTES\nAda Lind  Tide  4", "x  y  z   \n", "Brisk a.s. and Lodur hf.", "a.s.", " s.r.o"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a := alignedColumns(s); utf8.RuneCountInString(a) != utf8.RuneCountInString(s) {
			t.Fatalf("alignedColumns moved runes: %q → %q", s, a)
		}
		toks := tokenize(s)
		markLayout(s, toks)
		ExtractArticle("", s, "", nil)
	})
}

// TestStateOnlyAsPlaceNotProposed: a state is proposed where it acts, is dealt with or
// owns a body, not where it only says where something is or where a person is from.
func TestStateOnlyAsPlaceNotProposed(t *testing.T) {
	tests := []struct {
		body  string
		state string
		want  bool
	}{
		{"The ballots were printed in Senegal and flown to the capital on Sunday.", "Senegal", false},
		{"Arvelo Holdings is registered in the Netherlands, the filing shows.", "Netherlands", false},
		{"Protests spread across Moldova after the vote was annulled.", "Moldova", false},
		{"The sprinter took the lead from Norway's Sindre Haugen on the last climb.", "Norway", false},
		{"Gambia agreed on Wednesday to a recount of the ballots.", "Gambia", true},
		{"The militia said the vessels were linked to Israel and would be stopped.", "Israel", true},
		{"Weaker demand from China slowed the copper miners' sales.", "China", true},
		{"Talks with Ghana on the debt resumed on Monday.", "Ghana", true},
		{"Spain's National Markets and Competition Commission fined the utility.", "Spain", true},
		{"The fishermen won in Norway's top court on Thursday.", "Norway", true},
		{"Colombia's President Gustavo Petro called the result a fraud.", "Colombia", true},
		{"The strike hit a town on Moldova's border with Ukraine, officials said.", "Moldova", false},
	}
	for _, tt := range tests {
		got := slices.ContainsFunc(Extract("", tt.body, nil), func(s Suggestion) bool { return s.Name == tt.state })
		if got != tt.want {
			t.Errorf("%q: %s proposed = %v, want %v", tt.body, tt.state, got, tt.want)
		}
	}
}

// TestLegalSuffixEndsTheName: a registered name ends at its legal suffix, however it is
// written ("S.p.A.", "GmbH", "Pty Ltd"), and its short form is found without it.
func TestLegalSuffixEndsTheName(t *testing.T) {
	body := "Officine Marzotti S.p.A. agreed to buy Brenner Antriebstechnik GmbH of Stuttgart, and Kowhai Traders Pty Ltd sold its stake. " +
		"Marzotti said the deal would close in May."
	got := Extract("", body, nil)
	for _, want := range []string{"Officine Marzotti S.p.A.", "Brenner Antriebstechnik GmbH", "Kowhai Traders Pty Ltd"} {
		i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == want })
		if i < 0 {
			t.Errorf("%q not proposed: %v", want, names(got))
			continue
		}
		if got[i].Kind != app.Organisation {
			t.Errorf("%q guessed %s", want, got[i].Kind)
		}
	}
	if i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == "Officine Marzotti S.p.A." }); i >= 0 && !slices.Contains(got[i].Aliases, "Marzotti") {
		t.Errorf("Marzotti not grouped with Officine Marzotti S.p.A.: %+v", got[i])
	}
}

// TestBodyNameWithSeveralComplements: a body's name runs on through "and" (and "and the")
// when what follows is one more complement, not another body or actor.
func TestBodyNameWithSeveralComplements(t *testing.T) {
	tests := []struct{ body, want string }{
		{"The State Agency for Geology and Mineral Resources said on Monday the licence was void.", "State Agency for Geology and Mineral Resources"},
		{"The Committee on Finance and the State Budget met on Tuesday.", "Committee on Finance and the State Budget"},
		{"The Institute for Water and Soil Research warned of drought.", "Institute for Water and Soil Research"},
	}
	for _, tt := range tests {
		if got := names(Extract("", tt.body, nil)); !slices.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q whole", tt.body, got, tt.want)
		}
	}
	// Two bodies joined by "and" stay two.
	got := names(Extract("", "The Ministry of Finance and the Central Bank of Oravia disagreed on Friday.", nil))
	if !slices.Contains(got, "Ministry of Finance") || !slices.Contains(got, "Central Bank of Oravia") {
		t.Errorf("two bodies: %q", got)
	}
}

// TestKnownAsTheAcronym: "known as the GKNB" gives the acronym as the body's alias, and a
// party's acronym before a role word is not a person's name.
func TestKnownAsTheAcronym(t *testing.T) {
	got := Extract("", "On Monday the State Committee for National Security, known as the GKNB, detained two activists. "+
		"The GKNB gave no reason. HDZ whip Dario Marković said nothing.", nil)
	i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == "State Committee for National Security" })
	if i < 0 || !slices.Contains(got[i].Aliases, "GKNB") {
		t.Errorf("GKNB not an alias of the committee: %+v", got)
	}
	if !slices.Contains(names(got), "Dario Marković") {
		t.Errorf("the whip not proposed apart from his party: %q", names(got))
	}
}

// TestTableColumnSaysPerson: a results table's RIDER (or PLAYER, CANDIDATE…) column makes
// the names in it people, even when the prose names one once without a first name we know,
// and the prose's form of a name decides its kind over the table's capitals.
func TestTableColumnSaysPerson(t *testing.T) {
	body := "POS | RIDER | TEAM | NAT | TIME\n1 | ANDRÉS QUINTERO | MERIDIAN-ARBOREA | COL | 4:12:37\n" +
		"3 | PAWEŁ ZIELIŃSKI | VELOTEK PRO | POL | +0:31\n4 | TUDOR MOLDOVAN | CARPAȚI CLUJ | ROU | +0:58\n\n" +
		"Quintero now leads. Paweł Zieliński of Velotek Pro kept the mountains jersey, and Tudor Moldovan was cheered all the way up."
	got := Extract("", body, nil)
	for _, want := range []string{"Paweł Zieliński", "Tudor Moldovan"} {
		i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == want })
		if i < 0 || got[i].Kind != app.Person {
			t.Errorf("%q: want a person, got %+v", want, got)
		}
	}
}

// TestThingsAndPlacesAroundCompanies: products named before their noun, market indexes,
// events "of the" a place, mountain passes and the home town in a company's appositive
// are not proposed; the union named after its noun is an organisation.
func TestThingsAndPlacesAroundCompanies(t *testing.T) {
	body := "Officine Marzotti S.p.A., the Bergamo maker of industrial gearboxes, agreed to buy Brenner Antriebstechnik GmbH. " +
		"Brenner is best known for the Vela e-bike motor and the Kastor range of forklift drives. " +
		"Marzotti shares rose 6 percent, the biggest gain on the FTSE MIB. The metalworkers' union IG Metall said it wanted guarantees. " +
		"The Tour of the Carpathians will cross the Gutâi Pass again next year."
	got := Extract("", body, nil)
	for _, bad := range []string{"Bergamo", "Vela", "Kastor", "FTSE MIB", "Carpathians", "Gutâi Pass"} {
		if slices.Contains(names(got), bad) {
			t.Errorf("%q proposed: %q", bad, names(got))
		}
	}
	i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Name == "IG Metall" })
	if i < 0 || got[i].Kind != app.Organisation {
		t.Errorf("IG Metall: want an organisation, got %+v", got)
	}
}

// TestBatch17Classes covers the classes batch 123-130 showed: honorifics before a name,
// dotted legal suffixes kept whole, a list of names after an Oxford comma, an indefinite
// phrase naming where a firm is from, party-state tags and model codes, committees of a
// legislature with portfolio lists.
func TestBatch17Classes(t *testing.T) {
	body := "Datuk Seri Azhar Kamaruddin was detained. Sayyed Jawad al-Moussawi said nothing. " +
		"Liwa bought 30 percent of Arcline Semiconductor Pte. Ltd., a Singapore start-up. " +
		"The Election Commission of India, and the Konkan Chronicle reported delays. " +
		"Sen. Ruth Hale (D-Wash.) questioned Whitcombe & Co., a Wichita firm that builds the panels of the K-220. " +
		"The Senate Commerce, Science and Transportation Committee met. The House Transportation and Infrastructure Committee plans a hearing."
	got := names(Extract("", body, nil))
	for _, want := range []string{"Azhar Kamaruddin", "Jawad al-Moussawi", "Arcline Semiconductor Pte. Ltd.",
		"Election Commission of India", "Konkan Chronicle", "Ruth Hale", "Whitcombe & Co.",
		"Senate Commerce, Science and Transportation Committee", "House Transportation and Infrastructure Committee"} {
		if !slices.Contains(got, want) {
			t.Errorf("%q not proposed: %q", want, got)
		}
	}
	for _, bad := range []string{"Singapore", "Wichita", "D-Wash", "K-220", "Datuk Seri Azhar Kamaruddin"} {
		if slices.Contains(got, bad) {
			t.Errorf("%q proposed: %q", bad, got)
		}
	}
}

// TestCueWordOfAnotherKindIsAShortForm: a company's first word that is an armed group's
// cue elsewhere ("liwa", a brigade) is still the company's short form.
func TestCueWordOfAnotherKindIsAShortForm(t *testing.T) {
	got := Extract("", "Liwa Sovereign Holdings bought a stake on Monday. Liwa said it was pleased.", nil)
	if len(got) != 1 || got[0].Name != "Liwa Sovereign Holdings" || !slices.Contains(got[0].Aliases, "Liwa") {
		t.Errorf("want Liwa as the fund's short form: %+v", got)
	}
}

// TestBatch18Classes covers the classes batch 131-138 showed: hashtags and handles are no
// names, a product's code with one digit, a demonym's police, an ombudsman's title, and a
// party named with "and" that a party noun shows to be one name, kept whole later too.
func TestBatch18Classes(t *testing.T) {
	body := "Students posted #ReturnOurResults and tagged @MoEST_NP all night. Ombudsman Gabriela Arce Villca asked the Bolivian Police to free them. " +
		"Kestrel Biologics Ltd makes the Cholvira-1 vaccine. The ruling Homeland and Progress party won by 600 votes. " +
		"Homeland and Progress was founded in 2012."
	got := names(Extract("", body, nil))
	for _, want := range []string{"Gabriela Arce Villca", "Bolivian Police", "Kestrel Biologics Ltd", "Homeland and Progress"} {
		if !slices.Contains(got, want) {
			t.Errorf("%q not proposed: %q", want, got)
		}
	}
	for _, bad := range []string{"ReturnOurResults", "MoEST", "NP", "Cholvira-1", "Homeland", "Progress"} {
		if slices.Contains(got, bad) {
			t.Errorf("%q proposed: %q", bad, got)
		}
	}
}

// ruleWant is a name a rule test expects, with its kind ("" for any) and the aliases it
// must carry.
type ruleWant struct {
	kind    app.ActorKind
	aliases []string
}

// checkRule runs ExtractArticle on text and checks the names it must give (name, kind,
// aliases) and the forms it must not propose at all.
func checkRule(t *testing.T, text string, want map[string]ruleWant, not []string) {
	t.Helper()
	got := ExtractArticle("", text, "", nil)
	byForm := map[string]Suggestion{}
	for _, s := range got {
		for _, f := range s.Forms() {
			byForm[f] = s
		}
	}
	for name, w := range want {
		s, ok := byForm[app.Fold(name)]
		if !ok || app.Fold(s.Name) != app.Fold(name) {
			t.Errorf("%q not proposed as a name; got %v", name, names(got))
			continue
		}
		if w.kind != "" && s.Kind != w.kind {
			t.Errorf("%q: kind %s, want %s", name, s.Kind, w.kind)
		}
		for _, a := range w.aliases {
			if !slices.Contains(s.Aliases, a) {
				t.Errorf("%q: alias %q missing from %q", name, a, s.Aliases)
			}
		}
	}
	for _, n := range not {
		if s, ok := byForm[app.Fold(n)]; ok {
			t.Errorf("%q proposed (in %q)", n, s.Name)
		}
	}
}

// TestAcronymSpellsTheName: an acronym after a run of words is evidence that the run is
// one name, whatever joiners or lowercase words it holds (names of languages that
// capitalise only their first word, "and" inside a group's name, "&" and "/" written
// without blanks); a trading name after "which flies as" is an alias; a legislator's tag
// "(GROUP, Country)" gives the group as a party and the country only as where they are from.
func TestAcronymSpellsTheName(t *testing.T) {
	text := "The Conseil national pour la pêche durable, or CNPD, fined two trawlers on Monday. " +
		"Observers from the Ligue bretonne des droits des marins (LBDM) watched the landing. " +
		"The Farmers and Fishers (F&F) and the Greens/NFA voted against the quota. " +
		"Pesqueira do Sul S.A., which flies as Sulair, sold its boats. " +
		"\"It is a bad day,\" said Quelva Ostrand (ECA, Estonia), who drafted the rules."
	checkRule(t, text, map[string]ruleWant{
		"Conseil national pour la pêche durable": {app.GovernmentBody, []string{"CNPD"}},
		"Ligue bretonne des droits des marins":   {app.Organisation, []string{"LBDM"}},
		"Farmers and Fishers":                    {"", []string{"F&F"}},
		"Greens/NFA":                             {"", nil},
		"Pesqueira do Sul S.A.":                  {app.Organisation, []string{"Sulair"}},
		"Quelva Ostrand":                         {app.Person, nil},
		"ECA":                                    {app.Party, nil},
	}, []string{"Conseil", "Ligue", "Farmers", "Fishers", "NFA", "Pesqueira", "Estonia"})
}

// TestPersonOfOrganisationAndNamesBeforeCountries: a title after a given name is a
// surname, so "PERSON of FIRM" is two names; a foreign title ("Me") is stripped; "for" or
// "of" before a country that ends a run keeps a party's or a group's name whole when
// nothing says it is a person and her country.
func TestPersonOfOrganisationAndNamesBeforeCountries(t *testing.T) {
	text := "Ruth Bishop of Harrow & Kell LLP said the appeal would fail. " +
		"The family's lawyer, Me Kofi Adzraku, was turned away. " +
		"Workers for Portugal won two seats. Sons of Estonia, the largest party in the coalition, objected, " +
		"and Ana Ruiz of Spain abstained."
	checkRule(t, text, map[string]ruleWant{
		"Ruth Bishop":          {app.Person, nil},
		"Harrow & Kell LLP":    {app.Organisation, nil},
		"Kofi Adzraku":         {app.Person, nil},
		"Workers for Portugal": {"", nil},
		"Sons of Estonia":      {app.Party, nil},
		"Ana Ruiz":             {app.Person, nil},
	}, []string{"Ruth Bishop of Harrow & Kell LLP", "Me Kofi Adzraku", "Workers", "Sons", "Portugal", "Estonia", "Ana Ruiz of Spain"})
}

// TestPossessiveOfAPlaceOrAStateBeforeABody: a place's possessive ends a name before a
// body that has a complement of its own, and a state's possessive before a company's
// name says where the company is from (as before a person's), not that the state acts.
func TestPossessiveOfAPlaceOrAStateBeforeABody(t *testing.T) {
	text := "Ontario's Ministry of Northern Waters approved the dam, and Velland's Ministry of Rivers agreed. " +
		"Peru's Altiplano Minerals S.A. bought the mine, and Chile's competition tribunal fined it."
	checkRule(t, text, map[string]ruleWant{
		"Ministry of Northern Waters": {app.GovernmentBody, nil},
		"Ministry of Rivers":          {app.GovernmentBody, nil},
		"Altiplano Minerals S.A.":     {app.Organisation, nil},
		"Chile":                       {app.State, nil},
	}, []string{"Ontario's Ministry of Northern Waters", "Velland's Ministry of Rivers", "Peru"})
}

// TestMotionMakesToAndFromPlaces: to, from and for after a verb or noun of movement or of
// where one works from say where ("flew to", "spread to", "operate from", "heading for");
// a list after "the villages of" is of places; a deposit or a mine after modifiers joined
// by "and", or an election, is named after its place. "Linked to" a state still deals
// with it.
func TestMotionMakesToAndFromPlaces(t *testing.T) {
	text := "Her children flew to Portugal on Saturday, and the unrest spread to Estonia and Latvia. " +
		"The gang is thought to operate from Belarus. The tanker was heading for Oman. " +
		"Fighters moved through the villages of Qarntala and Beitsarim. " +
		"The Khadanuul copper and gold deposit reopened, and the Red Lantern copper mine closed. " +
		"The Velhaven by-election was close. The payments were linked to Ukraine."
	checkRule(t, text, map[string]ruleWant{"Ukraine": {app.State, nil}},
		[]string{"Portugal", "Estonia", "Latvia", "Belarus", "Oman", "Qarntala", "Beitsarim", "Khadanuul", "Red Lantern", "Velhaven"})
}

// TestNamingPhrasesSayWhatANameIs: the phrase that introduces a name says what it is — a
// group "calling itself" is a body, someone who "gave her name as" is a person, and what
// a product noun introduces ("its mapping software, X", "a wiper known as X", "the X
// attack") is a thing, even where a later mention has no clue.
func TestNamingPhrasesSayWhatANameIs(t *testing.T) {
	text := "A crew calling itself Silent Heron claimed the theft. \"Prices only go up,\" said a baker who gave her name only as Yeva. " +
		"It sold its mapping software, TerraQuill, to a wiper known as DuskMoth, and later bundled TerraQuill with the code of the Glassfang attack."
	checkRule(t, text, map[string]ruleWant{
		"Silent Heron": {app.Organisation, nil},
		"Yeva":         {app.Person, nil},
	}, []string{"TerraQuill", "DuskMoth", "Glassfang"})
}

// TestBodyKindsFromTheirNames: the kind of a body read from its name — a council named by
// a portfolio word is no place's council; a name opening with a state's qualifier and no
// head noun, an agency named after its state, a house's committee, a qualified chamber or
// centre, a superintendence are a state's; a parliament above states is an organisation;
// a press service is media; a centre of party words only is a party; a place's word inside
// a name, or a company word at its end, is no person's; "the opposition X" is a party.
func TestBodyKindsFromTheirNames(t *testing.T) {
	text := "Varnia filed a complaint with the Security Council. The deal must be ratified by the State Tanvir Kengash. " +
		"The Resource Permitting Agency of Canada and the Ostrovian Grid Agency objected, the Kestral Press Service reported. " +
		"The African Parliament and the House Waterways Committee held hearings, and the Provincial Audit Chamber agreed. " +
		"The National Water Security Centre warned the Christian Democratic Centre. The Tulane River Cree Nation sued. " +
		"The Superintendence of Ports fined Halcón Express, a budget rival, and the opposition Tavrosi walked out."
	checkRule(t, text, map[string]ruleWant{
		"Security Council":                     {app.Organisation, nil},
		"State Tanvir Kengash":                 {app.GovernmentBody, nil},
		"Resource Permitting Agency of Canada": {app.GovernmentBody, nil},
		"Kestral Press Service":                {app.Media, nil},
		"African Parliament":                   {app.Organisation, nil},
		"House Waterways Committee":            {app.GovernmentBody, nil},
		"Provincial Audit Chamber":             {app.GovernmentBody, nil},
		"National Water Security Centre":       {app.GovernmentBody, nil},
		"Christian Democratic Centre":          {app.Party, nil},
		"Tulane River Cree Nation":             {app.Organisation, nil},
		"Superintendence of Ports":             {app.GovernmentBody, nil},
		"Halcón Express":                       {app.Organisation, nil},
		"Tavrosi":                              {app.Party, nil},
	}, nil)
}

// TestQualifierOnlyIsNoActor: a body above states that the text names only as the
// qualifier of a noun ("UN monitors", "an OPEC delegation") is not dealt with, and a word
// written only between a count and a plural noun ("three Kwendo herders") is a people's
// or a place's; a name that opens a clause ("until Brussels listens") or acts is proposed.
func TestQualifierOnlyIsNoActor(t *testing.T) {
	checkRule(t, "Two UN monitors counted the ballots, and an OPEC delegation arrived. Officials said three Kwendo herders lost their flocks.",
		nil, []string{"UN", "OPEC", "Kwendo"})
	checkRule(t, "The farmers will stay until Brussels listens. The UN said it would send food.",
		map[string]ruleWant{"Brussels": {app.Organisation, nil}, "UN": {app.Organisation, nil}}, nil)
}

// TestMorePlaceClues: movement before "between" or "go to", a plural place noun, a
// people's noun after a list ("Karsu and Tavok herders"), a place's election after an
// adjective and a pilgrimage or a feast say where or when, not who.
func TestMorePlaceClues(t *testing.T) {
	text := "The shipments will go to Velmora and Teskar. Buses travelled between Korvan and Estella on Monday. " +
		"Officials said Karsu and Tavok herders complained about the Dorvik valleys. " +
		"The Haldenby mayoral vote was annulled before the Semra pilgrimage."
	checkRule(t, text, nil, []string{"Velmora", "Teskar", "Korvan", "Estella", "Karsu", "Tavok", "Dorvik", "Haldenby", "Semra"})
}

// TestNameEdgesAndJoiners: a role word opening a sentence leaves no joiner at the front of
// the name after it; a state named with a leading article is still the state; "in" and a
// country stay in a name only for a force or a mission (or with an acronym), not for a
// court that sits there; a demonym stays in a party's name.
func TestNameEdgesAndJoiners(t *testing.T) {
	text := "Leaders of the Coastal States Fisheries Council (CSFC) met on Monday. The Democratic Republic of Congo refused talks. " +
		"She appealed to the Regional Court in Norway, while the Observer Mission in Georgia watched. " +
		"The Indian National Congress walked out."
	checkRule(t, text, map[string]ruleWant{
		"Coastal States Fisheries Council": {"", []string{"CSFC"}},
		"Democratic Republic of the Congo": {app.State, []string{"Democratic Republic of Congo"}},
		"Regional Court":                   {app.GovernmentBody, nil},
		"Observer Mission in Georgia":      {"", nil},
		"Indian National Congress":         {app.Party, nil},
	}, []string{"of the Coastal States Fisheries Council", "Regional Court in Norway", "National Congress", "Leaders"})
}

// TestWordNamedAloneElsewhereIsItsOwnName: "X and Y Shipping Co." is two names when the
// text also names X alone ("a Kestor spokesperson"); without that evidence one head noun
// on one side still keeps "Justice and Development Party" whole.
func TestWordNamedAloneElsewhereIsItsOwnName(t *testing.T) {
	checkRule(t, "The strike stopped Kestor and Adriatic Freight Co. on Monday. A Kestor spokesperson said ships would wait. The Justice and Welfare Party objected.",
		map[string]ruleWant{"Kestor": {app.Organisation, nil}, "Adriatic Freight Co.": {app.Organisation, nil}, "Justice and Welfare Party": {app.Party, nil}},
		[]string{"Kestor and Adriatic Freight Co."})
}

// TestStatesCompaniesAndPlacesOfOtherForms: a state's name that opens with a title's word
// ("Sri Lanka") is the state; more countries' legal suffixes ("OÜ", "Oy", "ApS", "SE");
// "out of" a port and plural place nouns ("its Kabwe and Ndola mills") say where; a
// common noun alone ("Children" of "Save the Children") is no name.
func TestStatesCompaniesAndPlacesOfOtherForms(t *testing.T) {
	text := "Ships were diverted to Colombo, and officials said Sri Lanka protested. Tamsalu Reefer OÜ and Kauko Freight Oy said Tamsalu Reefer would pay. " +
		"The firm runs nine ships out of Valdemarsvik and cut shifts at its Kavuma and Ndolwe mills. Save the Children warned of hunger."
	checkRule(t, text, map[string]ruleWant{
		"Sri Lanka":         {app.State, nil},
		"Tamsalu Reefer OÜ": {app.Organisation, []string{"Tamsalu Reefer"}},
		"Kauko Freight Oy":  {app.Organisation, nil},
	}, []string{"Lanka", "Colombo", "Valdemarsvik", "Kavuma", "Ndolwe", "Children"})
}

// TestShortNamesAndAppositivesOfPeople: a capitalised word in brackets after a body's
// name that starts with its first letters is its syllable short name ("Commission on
// Elections (Comelec)"); a name after a comma closing "his/her …" is someone of a
// person's ("His running mate, Joy Abellana,"), but "Her party, X," is a party's.
func TestShortNamesAndAppositivesOfPeople(t *testing.T) {
	text := "The Board of Fisheries (Bofish) said the count was fair. His running mate, Oriel Tamvaco, said it was bought. " +
		"Her party, Sulong, holds a majority."
	checkRule(t, text, map[string]ruleWant{
		"Board of Fisheries": {"", []string{"Bofish"}},
		"Oriel Tamvaco":      {app.Person, nil},
		"Sulong":             {app.Party, nil},
	}, nil)
}

// TestCompanyWordsDescriptorsAndGroups: more company words (Electronics, Devices,
// Networks…) make a name an organisation's; a descriptor noun opening a sentence
// ("Chipmaker Taldren recalls…") is no part of the name; a group noun before a name with
// party words keeps it a group ("consumer group Citizens' Coalition for Fair Prices"); a
// product line is a thing.
func TestCompanyWordsDescriptorsAndGroups(t *testing.T) {
	text := "Chipmaker Taldren recalled laptops on Monday. Taldren Electronics said cells from Ostvik Devices had failed. " +
		"Consumer group Citizens' Coalition for Fair Prices called for charges, and the Orrin Networks board met. Rivals said the Vexa line was safe."
	checkRule(t, text, map[string]ruleWant{
		"Taldren Electronics":                 {app.Organisation, []string{"Taldren"}},
		"Ostvik Devices":                      {app.Organisation, nil},
		"Citizens' Coalition for Fair Prices": {app.Organisation, nil},
		"Orrin Networks":                      {app.Organisation, nil},
	}, []string{"Chipmaker Taldren", "Vexa"})
}

// TestHeadNounEndsANameBeforeAnd: a name ending in its head noun ("Grain Relief
// Programme") is whole before "and" another name of several words; verbs and nouns of
// movement that take a place ("reaching X", "convoys to X") say where.
func TestHeadNounEndsANameBeforeAnd(t *testing.T) {
	text := "The Grain Relief Programme and Hope Across Borders said convoys to Kalmora were stuck, and trucks were stopped from reaching Tessit."
	checkRule(t, text, map[string]ruleWant{"Grain Relief Programme": {app.Organisation, nil}},
		[]string{"Grain Relief Programme and Hope Across Borders", "Kalmora", "Tessit"})
}

// TestNewLaterMentionSaysTheKind: a kind guessed from a name's shape (a country inside
// it) gives way to a later mention that says what it is: "Forward Moldova, the main
// opposition party,".
func TestNewLaterMentionSaysTheKind(t *testing.T) {
	checkRule(t, "Forward Moldova won 131 seats. Forward Moldova, the main opposition party, called the result a warning.",
		map[string]ruleWant{"Forward Moldova": {app.Party, nil}}, nil)
}

// TestNewSuffixesOfPeruAndCompanyOwners: Peruvian legal suffixes ("S.A.C.") end a
// registered name whose first words are its short form, and a state's possessive before
// a company word ("Canada's Tamarind Resources") says where the owner is from.
func TestNewSuffixesOfPeruAndCompanyOwners(t *testing.T) {
	checkRule(t, "Pacifico Cobre S.A.C. was fined on Tuesday. Pacifico Cobre, which is owned by Canada's Tamarind Resources, said it would appeal.",
		map[string]ruleWant{"Pacifico Cobre S.A.C.": {app.Organisation, []string{"Pacifico Cobre"}}, "Tamarind Resources": {app.Organisation, nil}},
		[]string{"Canada"})
}

// TestNewQuotedEmphasisAndModifiedAppositives: a quotation's sentence word glued to an
// emphasis in capitals is no name ("Depots FULL"); a kind noun after several modifiers
// and a possessive says what the name after the comma is ("The city's social affairs
// agency, Badan Sosial,"); "told reporters at" a place is where, not whose.
func TestNewQuotedEmphasisAndModifiedAppositives(t *testing.T) {
	text := `"Depots FULL, families HUNGRY," she wrote. The city's social affairs agency, Badan Sosial, called it reckless. ` +
		"The governor told reporters at Balai Kota that rice had gone out."
	checkRule(t, text, map[string]ruleWant{"Badan Sosial": {app.GovernmentBody, nil}}, []string{"Depots FULL", "Balai Kota"})
}

// TestNewPersonColumnAndSurnameInProse: a name in a person's column of a table, written
// in mixed case, is proposed when the prose then names the person by the surname as one
// who acts ("Wondimu, who led until 30 km"); a table-only name is not; an event's
// label ("a World Rowing Gold Label event") is no actor.
func TestNewPersonColumnAndSurnameInProse(t *testing.T) {
	text := "The race drew 9,000 runners, a Harbour Athletics Gold Label event.\n\nPOS | RUNNER | TIME\n1 | Hiwot Wondimu | 2:24:51\n2 | Sela Marandu | 2:25:30\n\n" +
		"Wondimu, who led until 30 km, was treated for cramp."
	checkRule(t, text, map[string]ruleWant{"Hiwot Wondimu": {app.Person, []string{"Wondimu"}}},
		[]string{"Sela Marandu", "Harbour Athletics Gold Label"})
}

// TestNewPeopleForACause: a plural noun for people joined by "for" to a cause is one
// group's name ("Nurses for Clean Water"), an organisation, also after "PERSON of"; a
// sentence's first plural is not ("Prices for Asian buyers").
func TestNewPeopleForACause(t *testing.T) {
	text := "Her lawyer, Joana Prates of Nurses for Clean Water, said she would appeal. Prices for Asian buyers fell."
	checkRule(t, text, map[string]ruleWant{"Nurses for Clean Water": {app.Organisation, nil}, "Joana Prates": {app.Person, nil}},
		[]string{"Clean Water", "Prices for Asian", "Joana Prates of Nurses for Clean Water"})
}

// TestNewAppositiveOverGenericHead: an appositive that says what a body is ("the
// country's highest administrative court") outweighs a head noun every kind of body
// uses ("Council"); a place a party governs is a place; "the governing X party" is not.
func TestNewAppositiveOverGenericHead(t *testing.T) {
	text := "The Council of Appeals, the country's highest administrative court, suspended the permit. " +
		"The Farmers' Voice party, which governs Lauwerland, welcomed it, and the governing Civic Dawn party objected."
	checkRule(t, text, map[string]ruleWant{"Council of Appeals": {app.GovernmentBody, nil}, "Civic Dawn": {app.Party, nil}},
		[]string{"Lauwerland"})
}

// TestNewWhatACompanyHas: a name between "its" and a noun ("its Velto Pay terminals") is
// something the company has, a brand or a site, not an actor, and does not take the
// company's short form from it.
func TestNewWhatACompanyHas(t *testing.T) {
	text := "Regulators fined Velto AB on Tuesday for blocking rival wallets from its Velto Pay terminals. Velto said it would appeal."
	checkRule(t, text, map[string]ruleWant{"Velto AB": {app.Organisation, []string{"Velto"}}}, []string{"Velto Pay"})
}

// TestNewKindsFromNounsAroundAcronymsAndAppositives: the noun before an acronym in
// brackets says what it is ("the Mirandan army (FAM)"); an appositive outweighs a head
// noun that bodies of every kind use ("Union of Valley Patriots, a militia known locally
// as …"); "Without"/"Sans" inside a name makes it a cause's, no person's.
func TestNewKindsFromNounsAroundAcronymsAndAppositives(t *testing.T) {
	text := "Fighters from the Union of Valley Patriots, a militia known locally as Mulindi, seized the town. The Mirandan army (FAM) did not comment. " +
		"Nurses Sans Frontières said its clinic was full."
	checkRule(t, text, map[string]ruleWant{
		"Union of Valley Patriots": {app.ArmedGroup, nil},
		"FAM":                      {app.ArmedGroup, nil},
		"Nurses Sans Frontières":   {app.Organisation, nil},
	}, nil)
}

// TestNewListsOfCompanies: every item of a list of names ("Kormat, Velisto and Draxen",
// "from Lumio and Qentar") is a name that acts like the others, however the list opens
// a sentence or follows a weak place word; a list after "in" is still of places.
func TestNewListsOfCompanies(t *testing.T) {
	text := "Kormat, Velisto and Draxen all buy cells from Lumio and Qentar, the two giants. Strikes spread in Tarvik and Olmsund."
	checkRule(t, text, map[string]ruleWant{
		"Kormat": {app.Organisation, nil}, "Velisto": {app.Organisation, nil}, "Draxen": {app.Organisation, nil},
		"Lumio": {app.Organisation, nil}, "Qentar": {app.Organisation, nil},
	}, []string{"Tarvik", "Olmsund"})
}

// TestNewRivalsMarketsAndCompanyWords: "rival X" and "partner X" say nothing of a person
// for a name of one word; a market after a price's move ("fell 4 percent on the Borsex")
// is where shares trade; "Dynamics" is a company word.
func TestNewRivalsMarketsAndCompanyWords(t *testing.T) {
	text := "Shares of rival Aerolux rose 3 percent on the Borsex. Rival Givenor declined to comment, and Stormcrest Dynamics said it had fixed the delays."
	checkRule(t, text, map[string]ruleWant{
		"Aerolux": {app.Organisation, nil}, "Givenor": {app.Organisation, nil}, "Stormcrest Dynamics": {app.Organisation, nil},
	}, []string{"Borsex"})
}

// TestNewRiversEnergyAndWires: a name after a place noun and "on" is a place ("the
// Tarsa dam on the Velm"); "Energy" is a company word and "Wire" a newsroom's.
func TestNewRiversEnergyAndWires(t *testing.T) {
	text := "Engineers from Korvan Energy visited the Tarsa dam on the Velmaro, the Coastal Energy Wire reported."
	checkRule(t, text, map[string]ruleWant{"Korvan Energy": {app.Organisation, nil}, "Coastal Energy Wire": {app.Media, nil}},
		[]string{"Velmaro"})
}

// TestNewListedMarketsAndListsWithThe: a market a company lists on is where shares trade
// ("since listing on the Borsex"); a place list goes on past "and the" ("sales in
// Kessaria and the Varnish Isles").
func TestNewListedMarketsAndListsWithThe(t *testing.T) {
	text := "The carmaker has lost $6 billion since listing on the Borsex. Sales in Kessaria and the Varnholms doubled."
	checkRule(t, text, nil, []string{"Borsex", "Kessaria", "Varnholms"})
}

// TestNewInstancesAndSportsRoles: a lone word after "a"/"an" and adjectives is one of a
// kind of things ("a bad-tempered Clasicazo"), not an actor, even where the headline
// names it too; a player's position before a name says it is a person's.
func TestNewInstancesAndSportsRoles(t *testing.T) {
	text := "Rovers edge United in Clasicazo\n\nThe game was a bad-tempered Clasicazo at the old ground. United goalkeeper Tavio Brenn failed to hold a shot."
	title, body, _ := strings.Cut(text, "\n\n")
	got := ExtractArticle(title, body, "", nil)
	if slices.Contains(names(got), "Clasicazo") {
		t.Errorf("Clasicazo proposed: %q", names(got))
	}
	checkRule(t, body, map[string]ruleWant{"Tavio Brenn": {app.Person, nil}}, []string{"Clasicazo"})
}

// TestNewMovementWordsOfOtherLanguages: "Tehreek" ("movement") names parties as well as
// armed groups; "Taliban" in the name makes the group armed.
func TestNewMovementWordsOfOtherLanguages(t *testing.T) {
	text := "Police blocked a rally by Tehreek-e-Watan (TEW) in the capital, while Tehreek-e-Taliban Velmistan claimed an attack."
	checkRule(t, text, map[string]ruleWant{"Tehreek-e-Watan": {app.Party, nil}, "Tehreek-e-Taliban Velmistan": {app.ArmedGroup, nil}}, nil)
}

// TestNewSurnameThatIsAlsoACity: a surname the places gazetteer also lists ("Mendoza")
// is the person's short form when no word around it says it is a place.
func TestNewSurnameThatIsAlsoACity(t *testing.T) {
	checkRule(t, "Candidate Tomas Mendoza won 54 percent. The party, which backed Mendoza, called it a warning.",
		map[string]ruleWant{"Tomas Mendoza": {app.Person, []string{"Mendoza"}}}, nil)
}

// TestNewAgenciesFirmsAndPossessiveNames: a dateline's agency is a newsroom whatever its
// words ("(Cargo Ledger)"); a company descriptor that is also a role ("broker X Y") makes
// a name with no given name a firm's; a possessive name with its complement is one name
// ("Hollin's of Leeds"); a flag's demonym is no actor ("the Liberian-flagged ship");
// "shipowner" describes a company.
func TestNewAgenciesFirmsAndPossessiveNames(t *testing.T) {
	text := "PIRAEUS, Aug 14 (Cargo Ledger) — Several Hollin's of Leeds syndicates stopped cover for the Liberian-flagged ship. " +
		"Premiums jumped, said an analyst at broker Marsh Vellan, and shares in Greek shipowner Star Skiff fell."
	checkRule(t, text, map[string]ruleWant{
		"Cargo Ledger": {app.Media, nil}, "Hollin's of Leeds": {"", nil}, "Marsh Vellan": {app.Organisation, nil}, "Star Skiff": {app.Organisation, nil},
	}, []string{"Liberian-flagged", "Liberian", "Hollin"})
}

// TestNewPairedPeopleAndPartnersFirms: a plain name paired by "and" with a person's name
// that opens with a given name is a person's too ("Dorin Vaskar and Neha Vaskar"); a
// firm of partners after "PERSON of" is the employer, not a place ("Vikram Tolan of
// Tolan & Associates").
func TestNewPairedPeopleAndPartnersFirms(t *testing.T) {
	text := "The order said Dorin Vaskar and Neha Vaskar had moved the funds. Their lawyer, Vikram Tolan of Tolan & Associates, said they would appeal."
	checkRule(t, text, map[string]ruleWant{
		"Dorin Vaskar": {app.Person, nil}, "Neha Vaskar": {app.Person, nil}, "Tolan & Associates": {app.Organisation, nil}, "Vikram Tolan": {app.Person, nil},
	}, nil)
}

// TestNewPlaceStemOfSeveralWords: the words before a place stem ("Dar es Salaam-based",
// "Porto de Galinhas-based") are the same place's name, not a name of their own.
func TestNewPlaceStemOfSeveralWords(t *testing.T) {
	checkRule(t, "The Legal Centre, a Dar es Salaam-based group, said so, and a Porto de Galinhas-based firm agreed.",
		map[string]ruleWant{"Legal Centre": {app.Organisation, nil}}, []string{"Dar", "Porto", "Porto de Galinhas", "Dar es Salaam"})
}

// TestNewWhichSpeaksOfBodies: "which" after a name, or after "and" another name, speaks
// of a body or a thing, not a person ("Velo Eats and Glovan, which also operate…"); a
// collective before a name says it is a group's.
func TestNewWhichSpeaksOfBodies(t *testing.T) {
	text := "Velo Eats and Glovan, which also operate in the city, declined to comment. Rider collective Ciclistas Unidos posted a video."
	checkRule(t, text, map[string]ruleWant{
		"Velo Eats": {app.Organisation, nil}, "Glovan": {app.Organisation, nil}, "Ciclistas Unidos": {app.Organisation, nil},
	}, nil)
}

// TestNewAmountsNumeralsAndWorks: an amount after a name ("fined Ostrava Water Works 1.2
// billion forints") is a quantity, not a product's number; Roman numerals ("districts
// VIII and IX") are no names; "Works" is a company's word and a portfolio ("Works
// Minister Ilona Varsa").
func TestNewAmountsNumeralsAndWorks(t *testing.T) {
	text := "The regulator fined Ostrava Water Works 1.2 billion forints. Hospitals in districts VIII and IX ran on generators, Works Minister Ilona Varsa said."
	checkRule(t, text, map[string]ruleWant{"Ostrava Water Works": {app.Organisation, nil}, "Ilona Varsa": {app.Person, nil}},
		[]string{"VIII", "IX", "Works"})
}

// TestNewMoreMovementAndWaters: a movement verb before its object and "to" still says
// where ("escorted the tanker to Oman"); straits and gulfs after a name are places;
// territory seized or captured is a place.
func TestNewMoreMovementAndWaters(t *testing.T) {
	text := "A frigate escorted the tanker to Oman, away from the Bab el-Tarsa strait, after rebels seized Karvesh."
	checkRule(t, text, nil, []string{"Oman", "Bab el-Tarsa", "Karvesh"})
}

// TestNewWeaponsAfterModifiers: a weapon's noun after a name and two modifiers
// ("Sentinel air defence systems") makes the name a product's; a think tank is no tank.
func TestNewWeaponsAfterModifiers(t *testing.T) {
	text := "Kyiv urged allies to speed up deliveries of Sentinel air defence systems and two more KORAL-T systems. Analysts at the Civic Ledger think tank agreed."
	checkRule(t, text, map[string]ruleWant{"Civic Ledger": {"", nil}}, []string{"Sentinel", "KORAL-T"})
}

// TestNewPlainPairNamedAsCompanyLater: two plain words first read as a person's name
// with no evidence take the kind a later mention gives ("Shares of Ronda Tinto rose").
func TestNewPlainPairNamedAsCompanyLater(t *testing.T) {
	checkRule(t, "The state miner chose Ronda Tinto as its partner. Shares of Ronda Tinto rose 1.4 percent.",
		map[string]ruleWant{"Ronda Tinto": {app.Organisation, nil}}, nil)
}

// TestNewPortfolioListBeforeAHead: portfolio words listed before a body's head noun are
// one name ("Northern Maritime, Fisheries and Aquaculture Fund"), not an Oxford comma's
// list; an appositive naming a government or a group with a participle after it says
// what the name is.
func TestNewPortfolioListBeforeAHead(t *testing.T) {
	text := "Crews sought help from the Northern Maritime, Fisheries and Aquaculture Fund. Pescavela, the frozen-food group based in the city, " +
		"said its plants ran normally. The Xunta de Velmar, the regional government, called for talks, and Harrow & Keel, and Kobi Robotics agreed."
	checkRule(t, text, map[string]ruleWant{
		"Northern Maritime, Fisheries and Aquaculture Fund": {app.Organisation, nil},
		"Pescavela": {app.Organisation, nil}, "Xunta de Velmar": {app.GovernmentBody, nil}, "Harrow & Keel": {app.Organisation, nil},
	}, []string{"Northern Maritime", "Harrow & Keel, and Kobi Robotics"})
}

// TestNewVerbAfterAKnownBody: a word after a body above states that is followed by a
// determiner is the body's verb, not a noun it qualifies ("The IMF forecast last month
// that…"), so the body acts; members named after "Two members," are people.
func TestNewVerbAfterAKnownBody(t *testing.T) {
	text := "The IMF forecast last month that growth would slow. Two members, Aloysius Verdu and Murtala Sagbe, voted for a cut."
	checkRule(t, text, map[string]ruleWant{"IMF": {app.Organisation, nil}, "Aloysius Verdu": {app.Person, nil}, "Murtala Sagbe": {app.Person, nil}}, nil)
}

// TestNewTableAlignedWithBlanks: a table whose columns are aligned with blanks is read as
// a table: its cells are names of their column's kind only when prose names them too,
// never glued across cells, and a sentence's first word before a cell's name describes it.
func TestNewTableAlignedWithBlanks(t *testing.T) {
	text := "Surveyor Idunn Marvik led the count in the harbour ward on Sunday.\n\n" +
		"CANDIDATE              PARTY                VOTES\n" +
		"Idunn Marvik           Tide Renewal         3,120\n" +
		"Oskar Brenholt         Kelp Lantern Union   2,804\n" +
		"Turnout                                     61.2\n\n" +
		"Brenholt said he would ask for a recount, and the board refused an appeal from Tide Renewal on Monday."
	checkRule(t, text, map[string]ruleWant{
		"Idunn Marvik": {app.Person, nil}, "Tide Renewal": {app.Party, nil},
	}, []string{"Surveyor Idunn Marvik", "Idunn Marvik Tide Renewal", "Kelp Lantern Union", "Oskar Brenholt Kelp Lantern Union", "Turnout"})
}

// TestNewLowerCaseAndWordedLegalForms: legal suffixes written in lower case with dots
// ("a.s.", "s.r.o.", "hf.") end a company's name, and a legal form written as words
// ("Joint Stock Company") lets the company be named later by its first words.
func TestNewLowerCaseAndWordedLegalForms(t *testing.T) {
	text := "Brisk Tavla a.s. sold its plant to Horvik Lodur hf., which had bought Dunaj Kov s.r.o. last year. " +
		"Lenders to Bao Loc Textiles Joint Stock Company were repaid, and Bao Loc said its orders were full."
	checkRule(t, text, map[string]ruleWant{
		"Brisk Tavla a.s.": {app.Organisation, nil}, "Horvik Lodur hf.": {app.Organisation, nil},
		"Dunaj Kov s.r.o.":                     {app.Organisation, nil},
		"Bao Loc Textiles Joint Stock Company": {app.Organisation, []string{"Bao Loc"}},
	}, []string{"Brisk Tavla", "Horvik Lodur", "Dunaj Kov"})
}

// TestNewNameInBracketsInAnotherLanguage: a name in brackets right after a name is the
// same actor's name in another language, whole even with lower-case words, and a name of
// that language written before its translation keeps its lower-case words; a place, a
// state, a weekday or a person's name in brackets is no such form.
func TestNewNameInBracketsInAnotherLanguage(t *testing.T) {
	text := "The ruling bloc of the Harbour League (Hafnarbandið), Green Dawn (Græn dögun) and the Moor Party (Heiðaflokkurinn) lost a vote. " +
		"The campaign group Čistá řeka (Clean River) sued the plant's owner, Vidor Tanning (Brno), on Friday (Monday in Brno)."
	checkRule(t, text, map[string]ruleWant{
		"Harbour League": {app.Party, []string{"Hafnarbandið"}}, "Green Dawn": {"", []string{"Græn dögun"}},
		"Moor Party": {app.Party, []string{"Heiðaflokkurinn"}}, "Čistá řeka": {app.Organisation, []string{"Clean River"}},
	}, []string{"Græn", "Čistá", "Hafnarbandið Green Dawn"})
	got := ExtractArticle("", text, "", nil)
	for _, s := range got {
		if slices.Contains(s.Aliases, "Brno") {
			t.Errorf("a place in brackets proposed as an alias of %q", s.Name)
		}
	}
}

// TestNewLocalCourtInItsTown: a court or an office named by its level (regional,
// district, municipal) is one body only with the town it sits in; a court named alone
// ("the General Court in Luxembourg") only says where it sits.
func TestNewLocalCourtInItsTown(t *testing.T) {
	text := "The District Court in Velmov acquitted him, and the Municipal Prosecutor's Office in Velmov appealed to the Supreme Court in Dornholt."
	checkRule(t, text, map[string]ruleWant{
		"District Court in Velmov": {app.GovernmentBody, nil}, "Municipal Prosecutor's Office in Velmov": {app.GovernmentBody, nil},
		"Supreme Court": {app.GovernmentBody, nil},
	}, []string{"District Court", "Supreme Court in Dornholt"})
}

// TestNewCapitalBeforeADescribedNameAndBuyingInto: a capital before a noun that says
// what the next name is only says where that one is from ("Vienna insurer Kalmbach
// Mutual"), and what one "bought into" is a company, not a place.
func TestNewCapitalBeforeADescribedNameAndBuyingInto(t *testing.T) {
	text := "Vienna insurer Kalmbach Mutual and Lima brokerage Andes Valores bid for Tessel Obaly a.s. on Friday. " +
		"Kalmbach Mutual, which bought into Tessel in 2019, said the offer was fair."
	checkRule(t, text, map[string]ruleWant{
		"Kalmbach Mutual": {app.Organisation, nil}, "Andes Valores": {"", nil}, "Tessel Obaly a.s.": {app.Organisation, []string{"Tessel"}},
	}, []string{"Vienna", "Lima"})
}

// TestNewKindsOfListsPoliceAndBodiesOfOtherLanguages: names listed with a party whose
// words are common words are parties ("Fair Start", "Open Veskar"); a party described as
// a coalition partner is no person; a gendarmerie is a state's police; bodies headed
// "Oficina", "Jurado", "Fiscalía" are a state's; "Liberals" names a party.
func TestNewKindsOfListsPoliceAndBodiesOfOtherLanguages(t *testing.T) {
	text := "The government of the Harbour League, Fair Start and the Moor Party faces the list formed by the Social Liberals and Open Norway. " +
		"Fair Start, the junior coalition partner, wants a start that is fair. The Territorial Gendarmerie closed the road, and the Jurado Regional de Cuentas " +
		"and the Oficina Central de Registro asked the Fiscalía Provincial to act."
	checkRule(t, text, map[string]ruleWant{
		"Fair Start": {app.Party, nil}, "Social Liberals": {app.Party, nil}, "Open Norway": {app.Party, nil},
		"Territorial Gendarmerie": {app.GovernmentBody, nil}, "Jurado Regional de Cuentas": {app.GovernmentBody, nil},
		"Oficina Central de Registro": {app.GovernmentBody, nil}, "Fiscalía Provincial": {app.GovernmentBody, nil},
	}, nil)
}

// TestNewPersonOfTheBody: "NAME of the BODY" names a person and what they belong to: the
// body is an organisation (a party after an opposition leader) even when its words are
// of another language, and the name before it is a person's even without a known given name.
func TestNewPersonOfTheBody(t *testing.T) {
	text := "Opposition leader Tamsin Orlo of the Velan Kudi Sangam raised it. Later, Þorbjörg Hreinsdóttir of the Green Dawn Party spoke, " +
		"and Mireille Jost of the Caudan Anglers Federation agreed."
	checkRule(t, text, map[string]ruleWant{
		"Velan Kudi Sangam": {app.Party, nil}, "Þorbjörg Hreinsdóttir": {app.Person, nil},
		"Green Dawn Party": {app.Party, nil}, "Caudan Anglers Federation": {app.Organisation, nil},
	}, nil)
}

// TestNewAwardsWithOfAndBodiesNamedByTheirHead: an award's word ends its whole name,
// "of" and all ("the Brave Hearts of Gold Award"); a body named again by its head phrase
// ("Port Authority chief…") is the one body whose name ends with it; the head noun alone
// ("Trust founder…") is not proposed as an alias, as it would link every trust.
func TestNewAwardsWithOfAndBodiesNamedByTheirHead(t *testing.T) {
	text := "Cranes at the Kallio Harbour Port Authority stood idle. Port Authority chief Annika Lehto said repairs would take a week. " +
		"Much of the money came from the Saari Trust, a local charity. Trust founder Helmi Aalto said so, and in May she received the Brave Hearts of Gold Award."
	checkRule(t, text, map[string]ruleWant{
		"Kallio Harbour Port Authority": {app.GovernmentBody, []string{"Port Authority"}}, "Saari Trust": {app.Organisation, nil},
		"Annika Lehto": {app.Person, nil},
	}, []string{"Trust", "Brave Hearts", "Brave Hearts of Gold Award"})
	for _, s := range ExtractArticle("", text, "", nil) {
		if s.Name == "Saari Trust" && !slices.ContainsFunc(s.Withheld, func(w WithheldAlias) bool { return w.Alias == "Trust" && w.Reason == ReasonHeadNoun }) {
			t.Errorf("Saari Trust: want Trust withheld as a head noun, got %+v", s.Withheld)
		}
	}
}

// TestNewArmedFrontsKnownGroupsAfterFromAndFleeing: "fighters of the … Front" makes the
// front an armed group; a known group after to, at or from is dealt with, not a place
// ("weapons from Hezbollah"); the town people fled is a place.
func TestNewArmedFrontsKnownGroupsAfterFromAndFleeing(t *testing.T) {
	text := "Fighters of the Tana Delta Liberation Front stormed the depot on Friday. Police said the group bought rifles from al-Shabaab. " +
		"Hundreds fled Korowe, and the Tana Delta Liberation Front said it would hold the road."
	checkRule(t, text, map[string]ruleWant{
		"Tana Delta Liberation Front": {app.ArmedGroup, nil}, "al-Shabaab": {app.ArmedGroup, nil},
	}, []string{"Korowe"})
}

// TestNewSyllableAbbreviationOfAJoinedName: a name of another language joined by a
// lower-case word ("Rano sy Tany Voalohany") is one name when the abbreviation in brackets
// after it is made of its words' first syllables ("Ratavo").
func TestNewSyllableAbbreviationOfAJoinedName(t *testing.T) {
	text := "Tariffs set by the state firm Rano sy Tany Voalohany (Ratavo) rose again. Ratavo said the dams were low."
	checkRule(t, text, map[string]ruleWant{"Rano sy Tany Voalohany": {app.Organisation, []string{"Ratavo"}}}, []string{"Rano", "Tany Voalohany"})
	if syllablesOf(tokenize("Rano sy Tany Voalohany"), "Rtv") || !syllablesOf(tokenize("Rano sy Tany Voalohany"), "RaTaVo") {
		t.Error("syllablesOf: want only two letters or more of every word")
	}
}

// TestNewClubCellsNamedByAShortForm: a club's, party's or company's cell of a table that
// prose names by a short form gives the whole name, the short form its alias, also the
// word after a prefix in capitals ("FK"); a cell prose never names gives nothing.
func TestNewClubCellsNamedByAShortForm(t *testing.T) {
	text := "CLUB | P | PTS\nFK Morava Lipnik | 20 | 44\nSporting Vedra | 20 | 40\nKestrel Harriers | 20 | 30\n\n" +
		"Morava beat Sporting away on Sunday, and the coach said the title was close."
	checkRule(t, text, map[string]ruleWant{
		"FK Morava Lipnik": {app.Organisation, []string{"Morava"}}, "Sporting Vedra": {app.Organisation, []string{"Sporting"}},
	}, []string{"Kestrel Harriers"})
}

// TestNewTitlesForAPeriodAndScores: "X of the Month" is a title given for a period, no
// actor; a score after a club's name ("beat Vedra 3-1") is no model number.
func TestNewTitlesForAPeriodAndScores(t *testing.T) {
	text := "CLUB | PTS\nSporting Vedra | 40\nAtletico Sorna | 38\n\nVedra beat Sorna 3-1 on Sunday. Their striker, named the Goalkeeper of the Season, saved a penalty."
	checkRule(t, text, map[string]ruleWant{"Sporting Vedra": {"", []string{"Vedra"}}, "Atletico Sorna": {"", []string{"Sorna"}}},
		[]string{"Goalkeeper", "Season", "Goalkeeper of the Season"})
	if !isScore("3-1") || !isScore("10-9") || isScore("2024-25") || isScore("3-") {
		t.Error("isScore: want one or two digits each side")
	}
}

// TestNewBodyPartsAndNewspaperTitlesWithThe: "its youth wing, Jeunes Semeurs" names an
// organisation; a newspaper's title keeps its "The" mid-sentence ("told The Lantern
// Courier") or when it is one word ("The Beacon, a Banjul daily,"), without the bare
// common word as an alias; a sentence's "The" before a longer title is no part of it.
func TestNewBodyPartsAndNewspaperTitlesWithThe(t *testing.T) {
	text := "The growers' union and its youth wing, Jeunes Semeurs, blocked the road. The Beacon, a Vellan daily, said the mayor had told The Lantern Courier " +
		"that he would resign. The Harbour Evening Post, a tabloid, agreed."
	checkRule(t, text, map[string]ruleWant{
		"Jeunes Semeurs": {app.Organisation, nil}, "The Beacon": {app.Media, nil}, "The Lantern Courier": {app.Media, nil},
		"Harbour Evening Post": {app.Media, nil},
	}, []string{"Beacon", "The Harbour Evening Post"})
}

// TestRound3PlacesBetweenAndNear: "between" after a place noun ("the road between") joins
// two places, as after a word of movement; "talks between" joins actors. A word saying
// where a place lies ("in neighbouring Dorvik") keeps the place clue.
func TestRound3PlacesBetweenAndNear(t *testing.T) {
	text := "The road between Tarsk and Velno was shut on Monday. In neighbouring Dorvik, Mayor Ilse Granth opened a shelter. " +
		"Talks between Orvana Freight and the Harbour Dockers Union resumed."
	checkRule(t, text, map[string]ruleWant{"Ilse Granth": {app.Person, nil}, "Orvana Freight": {app.Organisation, nil},
		"Harbour Dockers Union": {app.Organisation, nil}}, []string{"Tarsk", "Velno", "Dorvik"})
}

// TestRound3RowCodesAndQuarters: a code of capitals and digits that a table writes in its
// cells is a row's label even where prose names it ("line C2"); a quarter or a half of a
// year ("Q4", "H1") is a period. A group named by such a code outside tables stays.
func TestRound3RowCodesAndQuarters(t *testing.T) {
	text := "The Pellow District Board cut line C2 and kept the Q4 reserve; H1 spending fell.\n\n" +
		"CODE | LINE | 2026\nC1 | ROADS | 4.1\nC2 | PARKS | 2.2\n\nK40 said on Monday that its fighters would talk."
	checkRule(t, text, map[string]ruleWant{"Pellow District Board": {"", nil}, "K40": {"", nil}}, []string{"C2", "C1", "Q4", "H1"})
}

// TestRound3HandlesAreNoCommonWords: a handle written in lower case ("@tsu_west") does
// not make the acronym it holds a common word of the text.
func TestRound3HandlesAreNoCommonWords(t *testing.T) {
	text := `The Tarsk Students' Union (TSU) marched on Monday. It posted from @tsu_west: "We are peaceful." TSU leaders met the dean.`
	checkRule(t, text, map[string]ruleWant{"Tarsk Students' Union": {app.Organisation, []string{"TSU"}}}, nil)
}

// TestRound3TitleOpeningACountry: a word that is a title elsewhere ("Sri") but opens a
// country's name here is the country's, not a title before a person.
func TestRound3TitleOpeningACountry(t *testing.T) {
	text := "The Electoral Commission of Sri Lanka said on Friday that it had received the complaint."
	checkRule(t, text, map[string]ruleWant{"Electoral Commission of Sri Lanka": {app.GovernmentBody, nil}}, []string{"Lanka", "Electoral Commission"})
}

// TestRound3GerundObjectInAName: a body named for what it does keeps the verb's object,
// "the" and all, and a place ending it does not make it a place ("Society for Protecting
// the Marran Lakes").
func TestRound3GerundObjectInAName(t *testing.T) {
	text := "The Society for Protecting the Marran Lakes said on Monday that it would sue the Harlow Water Board."
	checkRule(t, text, map[string]ruleWant{"Society for Protecting the Marran Lakes": {app.Organisation, nil}, "Harlow Water Board": {"", nil}},
		[]string{"Society for Protecting", "Marran Lakes"})
}

// TestRound3CouncillorsFromAParty: councillors come from a party, as lawmakers do.
func TestRound3CouncillorsFromAParty(t *testing.T) {
	text := "The mayor relies on councillors from Civic Renewal and two independents."
	checkRule(t, text, map[string]ruleWant{"Civic Renewal": {app.Party, nil}}, nil)
}

// TestRound3BodyOfItsOwn: "its Audit Committee" is a body's own body, not a brand of what it
// owns ("its Kvitta Pay terminals").
func TestRound3BodyOfItsOwn(t *testing.T) {
	text := "The federation said its Appeals Committee reviews the case, and that its Vantor Pay terminals were sold."
	checkRule(t, text, map[string]ruleWant{"Appeals Committee": {"", nil}}, []string{"Vantor Pay"})
}

// TestRound3TwoWordDemonymBeforeAName: "the New Zealander Aroha Tane", "Sri Lankan Kumari
// Perera": the demonym of two words says where the person is from, and a title word
// ("Sri") that opens it is no title.
func TestRound3TwoWordDemonymBeforeAName(t *testing.T) {
	text := "The club's coach, the New Zealander Aroha Tane, resigned. Tane said little. The race went to Sri Lankan Kumari Perera, who said she would appeal. Perera trains at home."
	checkRule(t, text, map[string]ruleWant{"Aroha Tane": {app.Person, []string{"Tane"}}, "Kumari Perera": {app.Person, []string{"Perera"}}},
		[]string{"New Zealander Aroha Tane", "Lankan Kumari Perera", "Sri Lankan Kumari Perera"})
}

// TestRound3NicknameInsideAName: a nickname in quotation marks inside a person's name is
// the person's alias, and the name reads whole around it.
func TestRound3NicknameInsideAName(t *testing.T) {
	text := `The winner, Aziz "Falcon" Haddad, crossed first. Haddad, 24, thanked his team, and the crowd chanted for Falcon.`
	checkRule(t, text, map[string]ruleWant{"Aziz Haddad": {app.Person, []string{"Haddad", "Falcon"}}}, []string{"Aziz"})
}

// TestRound3TownClubs: a club named by its town, a name and its letters ("Nairobi Simba
// FC") is an organisation, and the text's name for it alone ("Simba") is its alias; "SC"
// ends a club's name as "FC" does.
func TestRound3TownClubs(t *testing.T) {
	text := "Nairobi Simba FC beat Harwick Dale SC 3-1 on Sunday. Simba's chairman said the title was close."
	checkRule(t, text, map[string]ruleWant{"Nairobi Simba FC": {app.Organisation, []string{"Simba"}}, "Harwick Dale SC": {app.Organisation, nil}},
		[]string{"Nairobi"})
}

// TestRound3RolesAfterAComma: "his agent, NAME," is a role before a person's name, and
// "NAME and NAME, two former translators," counts people.
func TestRound3RolesAfterAComma(t *testing.T) {
	text := "The striker stayed home, and his agent, Temo Varsi, said he was ill. The firm was founded by Ulla Brekk and Osku Tamme, two former translators. Brekk is its chief."
	checkRule(t, text, map[string]ruleWant{"Temo Varsi": {app.Person, nil}, "Osku Tamme": {app.Person, nil}, "Ulla Brekk": {app.Person, nil}}, nil)
}

// TestRound3PortfolioWithCueWords: a minister's portfolio named with "of" may hold a
// body's cue words ("Minerals", "Development"); a given name after it opens the person's
// name, and the portfolio is no body.
func TestRound3PortfolioWithCueWords(t *testing.T) {
	text := "The report names a cousin of Minister of Rare Metals Development Aminu Tarka Bello. Bello's aide declined to comment."
	checkRule(t, text, map[string]ruleWant{"Aminu Tarka Bello": {app.Person, []string{"Bello"}}},
		[]string{"Minister of Rare Metals", "Minister of Rare Metals Development Aminu Tarka Bello"})
}

// TestRound3BodyOfTwoSectors: a state's body named for two sectors, the first a company
// word, is one name whose head ends it; a company's name before "and" and a body's name
// after it stay two.
func TestRound3BodyOfTwoSectors(t *testing.T) {
	text := "The tariff was set by the Vellan National Energy and Sewerage Regulatory Authority. Later, Tarrow Energy and Harbour Port Authority signed a lease."
	checkRule(t, text, map[string]ruleWant{"Vellan National Energy and Sewerage Regulatory Authority": {app.GovernmentBody, nil},
		"Tarrow Energy": {app.Organisation, nil}, "Harbour Port Authority": {app.GovernmentBody, nil}},
		[]string{"Vellan National Energy", "Sewerage Regulatory Authority"})
}

// TestRound3LowercaseNameWithSuffixAndAcronym: a company's name of another language that
// capitalises some words only, then its legal suffix, is one name when the acronym after
// spells its words' initials (diacritics folded).
func TestRound3LowercaseNameWithSuffixAndAcronym(t *testing.T) {
	text := "The city pays Vodárny mesta Ružomberok a.s. (VMR), its water company. The director said VMR would raise prices."
	checkRule(t, text, map[string]ruleWant{"Vodárny mesta Ružomberok a.s.": {app.Organisation, []string{"VMR"}}}, []string{"Ružomberok a.s.", "Vodárny"})
}

// TestRound3LoneWordNamedOnceWithoutEvidence: a lone capitalised word the text names once,
// with nothing around it saying what it is or that it acts, is not proposed (here the
// fragments of a name of another language); the same word with a cue or a said-type verb
// is.
func TestRound3LoneWordNamedOnceWithoutEvidence(t *testing.T) {
	text := "Most of the money goes to Kino pod Hradom, whose seats are worn. The broker Telvaro and Ostrik both declined to comment."
	checkRule(t, text, map[string]ruleWant{"Telvaro": {app.Organisation, nil}, "Ostrik": {"", nil}}, []string{"Kino", "Hradom"})
}

// TestRound3ProductsSoldAsAndNamedByAppositive: the name after "as" that follows a verb of
// selling is a product, not a longer form of its maker's name; a product a comma phrase
// names ("whose rival app, Pindo,") stays a thing even when it "says" something.
func TestRound3ProductsSoldAsAndNamedByAppositive(t *testing.T) {
	text := "Kaskelo was founded in 2020 and sells its scanner to hospitals as Kaskelo Vision. Kaskelo said demand was strong. " +
		"A Tartu firm whose rival app, Pindo, says Kaskelo copied it has complained."
	checkRule(t, text, map[string]ruleWant{"Kaskelo": {app.Organisation, nil}}, []string{"Kaskelo Vision", "Pindo"})
}

// TestRound3CompanyOpeningEndsInAPlaceWord: the first words of a company's name written
// with its legal suffix are its short name even when they end in a place's word ("Hills");
// the same words with no such company are a place.
func TestRound3CompanyOpeningEndsInAPlaceWord(t *testing.T) {
	text := "The licence went to Kora Hills Mining Ltd last year. Kora Hills later sold it. Hikers walk in the Pemba Hills."
	checkRule(t, text, map[string]ruleWant{"Kora Hills Mining Ltd": {app.Organisation, []string{"Kora Hills"}}}, []string{"Pemba Hills"})
}

// TestRound3TitlesListedWithANewspaper: names listed with a newspaper's title, after "the"
// or opening with another language's article, are newsrooms too.
func TestRound3TitlesListedWithANewspaper(t *testing.T) {
	text := "The story ran in the Morava Herald, the Tarsk Ledger and La Voz del Sur, which shared the files."
	checkRule(t, text, map[string]ruleWant{"Morava Herald": {app.Media, nil}, "Tarsk Ledger": {app.Media, nil}, "La Voz del Sur": {app.Media, nil}}, nil)
}

// TestRound3BodiesAboveStatesAndRegions: an office or a secretariat whose name says it is
// above states is an organisation; a body named for two regions ("for Central Asia and
// the Caribbean") is one name; a region of two words ("South America") is no actor.
func TestRound3BodiesAboveStatesAndRegions(t *testing.T) {
	text := "The UN Office for Disaster Risk Reduction and the Development Fund for Latin America and the Caribbean met the Cabinet Office. Trade between Latin America and the Caribbean grew."
	checkRule(t, text, map[string]ruleWant{"UN Office for Disaster Risk Reduction": {app.Organisation, nil},
		"Development Fund for Latin America and the Caribbean": {"", nil}, "Cabinet Office": {app.GovernmentBody, nil}},
		[]string{"Latin America", "Caribbean", "Development Fund for Latin America"})
}

// TestRound3AppositiveOutweighsAWeakPlaceClue: "a non-profit that runs…" says what a name
// after "goes to" is, a body and not a place; an appositive does not outweigh a strong
// place clue ("marched towards Dorvan Kesk, the seat of government").
func TestRound3AppositiveOutweighsAWeakPlaceClue(t *testing.T) {
	text := "Most of the grant goes to Kotva Domov, a non-profit that runs two shelters. Farmers marched towards Dorvan Kesk, the seat of government, on Friday."
	checkRule(t, text, map[string]ruleWant{"Kotva Domov": {app.Organisation, nil}}, []string{"Dorvan Kesk"})
}

// TestRound4LegalSuffixAfterComma: a legal suffix with dots set off by a comma ends the
// name before it ("…, SGPS, S.A."), a legal form of several pieces with blanks ("Sp. z
// o.o.") is read whole, and a Greek "A.E." makes a company, not a person.
func TestRound4LegalSuffixAfterComma(t *testing.T) {
	text := "Orvana Holdings, SGPS, S.A. agreed to buy Velmar Sp. z o.o., a maker of pumps. The loan was arranged by Banco Norte de Fomento, S.A. " +
		"Analysts at Kestra Securities A.E., a broker in Athens, said approval was likely. Velmar said nothing."
	checkRule(t, text, map[string]ruleWant{"Orvana Holdings, SGPS, S.A.": {app.Organisation, nil},
		"Velmar Sp. z o.o.": {app.Organisation, []string{"Velmar"}}, "Banco Norte de Fomento, S.A.": {app.Organisation, nil},
		"Kestra Securities A.E.": {app.Organisation, nil}}, []string{"SGPS", "S.A.", "Velmar Sp", "Banco Norte de Fomento"})
}

// TestRound4RanksAndRolesGluedToAName: a rank of titles joined by a hyphen
// ("Lieutenant-Colonel") is a title, and an agent noun the sentence capitalised
// ("Wholesaler", "Boatman") describes the name after it; a given name ending like one
// ("Christopher") stays part of the name.
func TestRound4RanksAndRolesGluedToAName(t *testing.T) {
	text := "Army spokesman Lieutenant-Colonel Amani Tufa Seko told reporters that the militia was paid. " +
		"Wholesaler Ong Bee Hua, who has bought fruit for years, says the formula ignores quality. Boatman Kofi Mensah said fares rose. " +
		"Christopher Adu Owusu said so."
	checkRule(t, text, map[string]ruleWant{"Amani Tufa Seko": {app.Person, nil}, "Ong Bee Hua": {app.Person, nil},
		"Kofi Mensah": {app.Person, nil}, "Christopher Adu Owusu": {app.Person, nil}},
		[]string{"Lieutenant-Colonel Amani Tufa Seko", "Wholesaler Ong Bee Hua", "Boatman Kofi Mensah"})
}

// TestRound4SurnameTanIsNoTitle: "Tan" is a title only before "Sri" ("Tan Sri Abdul
// Rahim"); elsewhere it is a surname that opens the name ("Tan Mei Hua").
func TestRound4SurnameTanIsNoTitle(t *testing.T) {
	text := "Export manager Tan Mei Hua checks the sheet before she bids. Tan Sri Abdul Rahim Osman, the chairman, said prices would hold."
	checkRule(t, text, map[string]ruleWant{"Tan Mei Hua": {app.Person, nil}, "Abdul Rahim Osman": {app.Person, nil}},
		[]string{"Mei Hua", "Tan Sri Abdul Rahim Osman"})
}

// TestRound4CityBeforeItsBody: a capital before a court, an assembly or a club, or at a
// headline's start before what it describes, is where the body sits; a place after
// "whose", "its" or "her" before a firm or an office is where what they own is.
func TestRound4CityBeforeItsBody(t *testing.T) {
	text := "Riga court upholds a fine on Baltvision. Ona Kalnina said on Monday that her Kaunas firm ships timber. " +
		"Its Kaunas office closed. Vilnius rejected the ruling."
	checkRule(t, text, map[string]ruleWant{"Ona Kalnina": {app.Person, nil}, "Vilnius": {app.State, nil}},
		[]string{"Riga", "Kaunas"})
}

// TestRound4MissionNamedForAState: a mission named for the state it serves keeps the
// state's whole name, "the" and all ("…Mission in the Central African Republic").
func TestRound4MissionNamedForAState(t *testing.T) {
	text := "The United Nations Integrated Peace Mission in the Central African Republic (UNIPMCA) said its patrols had resumed."
	checkRule(t, text, map[string]ruleWant{"United Nations Integrated Peace Mission in the Central African Republic": {app.Organisation, []string{"UNIPMCA"}}},
		[]string{"United Nations Integrated Peace Mission", "Central African Republic", "United Nations"})
}

// TestRound4GoesByTheName: "who goes by the name X" names a person; "which goes by the
// name X" a body.
func TestRound4GoesByTheName(t *testing.T) {
	text := "The group's commander, who goes by the name Simba Mwamba, said in a video that his men had come."
	checkRule(t, text, map[string]ruleWant{"Simba Mwamba": {app.Person, nil}}, nil)
}

// TestRound4BodyAboveStatesOfSeveralWords: a body above states of several words that
// only qualifies a body's or a role's noun ("the United Nations mission") is not listed,
// as its acronym is not ("UN peacekeepers"); acting, speaking or owning it is ("the
// European Union's envoy", "the United Nations said").
func TestRound4BodyAboveStatesOfSeveralWords(t *testing.T) {
	checkRule(t, "Rebels took the town, forcing the United Nations mission to fly out its staff. UN peacekeepers stayed.", nil,
		[]string{"United Nations", "UN"})
	checkRule(t, "The European Union's envoy met both sides. Fighting killed nine people, the United Nations said.",
		map[string]ruleWant{"European Union": {app.Organisation, nil}, "United Nations": {app.Organisation, nil}}, nil)
}

// TestRound4GivenNameOfAVietnameseName: in "Le Van Minh" the words that are particles in
// other languages ("Le", "Van") are the name's own, so "Minh" later is the person.
func TestRound4GivenNameOfAVietnameseName(t *testing.T) {
	text := "Le Van Minh, the chairman, called it painful. Minh said the association would act. Ursula von der Leyen spoke; von der Leyen left."
	checkRule(t, text, map[string]ruleWant{"Le Van Minh": {app.Person, []string{"Minh"}}}, nil)
}

// TestRound4BodyKinds: a state's "House of Assembly" is its government's, however the
// words before "House" read; a body named for a sea or region several states share is
// above states; a cooperative ("Koperasi … Berhad") is an organisation.
func TestRound4BodyKinds(t *testing.T) {
	text := "In the Oyo State House of Assembly, the opposition Labour Party called for a pause. " +
		"Every member of the Koperasi Nelayan Kuala Berhad can recite it. The Caspian Fisheries Commission met on Monday. Chatham House said so."
	checkRule(t, text, map[string]ruleWant{"Oyo State House of Assembly": {app.GovernmentBody, nil},
		"Koperasi Nelayan Kuala Berhad": {app.Organisation, nil}, "Caspian Fisheries Commission": {app.Organisation, nil},
		"Chatham House": {app.Organisation, nil}}, nil)
}

// TestRound4LaunchedProduct: a name after "launched" that an appositive with "a" describes
// is the product launched, not an actor.
func TestRound4LaunchedProduct(t *testing.T) {
	text := "Last year the Kuala Fishers Cooperative launched Kuala Mas, a vacuum-packed fish paste now sold in supermarkets."
	checkRule(t, text, map[string]ruleWant{"Kuala Fishers Cooperative": {app.Organisation, nil}}, []string{"Kuala Mas"})
}

// TestRound4GoodsShippedToAState: a state that goods are shipped to, the goods named
// between the verb and "to", is where they go, not an actor; a state that acts is.
func TestRound4GoodsShippedToAState(t *testing.T) {
	text := "Her firm ships frozen durian to China, she said. Vietnam exports cut flowers to Norway. Ghana agreed to the deal."
	checkRule(t, text, map[string]ruleWant{"Ghana": {app.State, nil}}, []string{"China", "Norway"})
}

// TestRound4NameInAnotherLanguageWithItsTranslation: "calling itself Umoja wa Wapiganaji,
// Swahili for Unity of Fighters": the other language's name is read whole across its
// lower-case joiner, its translation is its alias, and "militia" gives the kind.
func TestRound4NameInAnotherLanguageWithItsTranslation(t *testing.T) {
	text := "A militia calling itself Umoja wa Wapiganaji, Swahili for Unity of Fighters, seized the town of Kilo on Saturday. Its commander said so."
	checkRule(t, text, map[string]ruleWant{"Umoja wa Wapiganaji": {app.ArmedGroup, []string{"Unity of Fighters"}}}, []string{"Umoja", "Wapiganaji"})
}

// TestRound4ClubAfterOfAndRaceWon: "NAME of KS Tatry Nowe" names the runner's club (a
// short capitals word opening a name of three words), not where he is from; what a
// runner "won the 40-kilometre …" is a race, not an actor.
func TestRound4ClubAfterOfAndRaceWon(t *testing.T) {
	text := "Jan Nowak of KS Tatry Nowe, fourth, was the best foreign runner. Nowak said so. " +
		"Ana Quispe Mamani won the 40-kilometre Vallee Sky Race on Sunday. Quispe thanked her family."
	checkRule(t, text, map[string]ruleWant{"Jan Nowak": {app.Person, nil}, "KS Tatry Nowe": {app.Organisation, nil},
		"Ana Quispe Mamani": {app.Person, nil}}, []string{"Vallee Sky Race"})
}

// TestRound4DatelineCityAsAQualifier: the city a dateline names is a place where the text
// uses it before a noun ("the Arequa club"), and a reporting credit at the end of wire
// copy ("(Reporting by …; Editing by …)") names the newsroom's staff, not actors.
func TestRound4DatelineCityAsAQualifier(t *testing.T) {
	text := "AREQUA — Club Andino Wayra, the Arequa club whose runners took the first places, paid the fees. Its coach, Rosa Quispe Tito, said so.\n\n" +
		"(Reporting by Tran Thi Lan; Editing by Hoang Minh Duc)"
	checkRule(t, text, map[string]ruleWant{"Club Andino Wayra": {app.Organisation, nil}, "Rosa Quispe Tito": {app.Person, nil}},
		[]string{"Arequa", "Tran Thi Lan", "Hoang Minh Duc"})
}

// TestRound4DatelineCityIsNoShortForm: the dateline's city said alone is not the short
// form of a body whose name ends in it ("Koperasi Nelayan Tanjung Berhad" after "TANJUNG,").
func TestRound4DatelineCityIsNoShortForm(t *testing.T) {
	text := "TANJUNG, Perak — Every member of the Koperasi Nelayan Tanjung Berhad knows the formula. Tanjung prices now lead the trade, its chairman, Ismail Hamid, said."
	checkRule(t, text, map[string]ruleWant{"Koperasi Nelayan Tanjung Berhad": {app.Organisation, nil}, "Ismail Hamid": {app.Person, nil}},
		[]string{"Tanjung"})
}

// TestRound4SeatAfterALegislator: "its lawmaker for Kosofe" names the seat, a place; a
// spokesman "for" a company still speaks for it.
func TestRound4SeatAfterALegislator(t *testing.T) {
	text := "A trip from Kosofe to the Five Cowries terminal now costs more. Its lawmaker for Kosofe, Ada Obi, said the rise would hurt. " +
		"Boats will run on the Kosofe route. A spokesman for Lagoon Ferries Ltd said fares would rise."
	checkRule(t, text, map[string]ruleWant{"Ada Obi": {app.Person, nil}, "Lagoon Ferries Ltd": {app.Organisation, nil}}, []string{"Kosofe"})
}

// TestRound5WordsThatOnlyQualify: a lone word that the text only writes before a common
// noun or as a place ("the Varnek maker", "Dravo prices", "in Dravo")
// says where or whose, not who; one that also acts ("Varnek said") is a name.
func TestRound5WordsThatOnlyQualify(t *testing.T) {
	text := "Ostrel Gear, the Varnek maker of axles, agreed to a sale on Monday. " +
		"Officials said Dravo prices rose, and fighting went on in Dravo."
	checkRule(t, text, map[string]ruleWant{"Ostrel Gear": {app.Organisation, nil}}, []string{"Varnek", "Dravo"})
	checkRule(t, "The talks stalled. Kelmar officials met; Kelmar said it would appeal.", map[string]ruleWant{"Kelmar": {"", nil}}, nil)
}

// TestRound5AmountsShipsLakesFairsAndCapitals: an amount written with a currency's letters
// ("Rp4,200"), a ship named after "aboard the" or its noun, a lake or a mountain, a trade
// fair's name and a warning written in capitals are no actors; a group's code of capitals
// and digits ("M23") still is, and a body named for a lake keeps its name.
func TestRound5AmountsShipsLakesFairsAndCapitals(t *testing.T) {
	text := "Riders now earn Rp4,200 a trip, up from Rp3,900. Sheep aboard the Sea Falcon Star were turned back, and the tanker Mirela Dawn waited. " +
		"Fishermen on Lake Oruma said the water fell. The Lake Oruma Basin Authority met on Friday. " +
		"At the Nordic Timber Days trade fair the tool won praise. A sign on the wall reads: MIND THE GAP NOW. " +
		"Fighters of the M23 said they would withdraw."
	checkRule(t, text, map[string]ruleWant{"Lake Oruma Basin Authority": {app.GovernmentBody, nil}, "M23": {"", nil}},
		[]string{"Rp4", "Rp3", "Sea Falcon Star", "Mirela Dawn", "Lake Oruma", "Nordic Timber Days", "MIND THE GAP NOW"})
}

// TestRound6StatesOwnMinistries: a state's possessive before its ministry is the state's,
// whatever company word the ministry's name holds ("…of Water Resources"); a lower-case
// job's noun before a name of plain words makes it a person's, but not in a headline,
// where it describes firms as often ("chip designer Varo Microlabs").
func TestRound6StatesOwnMinistries(t *testing.T) {
	text := "Kyrgyzstan's Ministry of Water Resources accused its neighbour of hoarding water. The cooperative asked bookkeeper Rosa Ilagan Dimas to train new members."
	checkRule(t, text, map[string]ruleWant{"Kyrgyzstan": {app.State, nil}, "Ministry of Water Resources": {app.GovernmentBody, nil},
		"Rosa Ilagan Dimas": {app.Person, nil}}, nil)
	got := ExtractArticle("Telmar buys chip designer Varo Microlabs", "Telmar Inc agreed to buy Varo Microlabs SpA for cash.", "", nil)
	for _, s := range got {
		if s.Name == "Varo Microlabs" && s.Kind == app.Person {
			t.Errorf("the headline's firm was read as a person: %+v", got)
		}
	}
}

// TestRound6PartyTagAfterAPerson: an acronym in brackets after a person's name is the
// party's tag: the person keeps no alias, and a tag no party name spells is a party of
// its own. After "the" or with the name's own initial it is the body's short form.
func TestRound6PartyTagAfterAPerson(t *testing.T) {
	text := "The bill was put forward by Marit Tveit (SV), who called it fair, and opposed by Olav Brekke Lunde (MDG). " +
		"The Christian People's Bloc (KrF) abstained. Netverk Srbije (NVS) said prices would rise."
	checkRule(t, text, map[string]ruleWant{"Marit Tveit": {app.Person, nil}, "Olav Brekke Lunde": {app.Person, nil},
		"MDG": {app.Party, nil}, "Christian People's Bloc": {"", []string{"KrF"}}, "Netverk Srbije": {"", []string{"NVS"}}}, nil)
}

// TestRound6BodyNamesAndLegalForms: "Ag" inside a Tuareg name is no legal suffix; a
// reservoir ends a place's name; a levy is no actor; the "Transport Ministry" is the
// "Ministry of Transport" unless two states own them; ", or Other Name," gives a body's
// other name; a Mexican legal form of five pieces ends a firm's name.
func TestRound6BodyNamesAndLegalForms(t *testing.T) {
	text := "Their spokesman, Ibrahim Ag Assalek, said the road was shut. Ag Assalek added that talks would go on. " +
		"Water in the Tokmak Reservoir fell. The Road Recovery Levy was raised, the Ministry of Transport said. The Transport Ministry added that fares would rise. " +
		"The charity Dom Nadeje, or Hope House, which runs two kitchens, will appeal. Aceros Lozano Vidal, S. de R.L. de C.V., said it would sell. " +
		"Mali's Ministry of Defence said troops moved, and Niger's Defence Ministry said they met."
	checkRule(t, text, map[string]ruleWant{"Ibrahim Ag Assalek": {app.Person, []string{"Ag Assalek"}},
		"Ministry of Transport": {app.GovernmentBody, []string{"Transport Ministry"}}, "Dom Nadeje": {app.Organisation, []string{"Hope House"}},
		"Aceros Lozano Vidal, S. de R.L. de C.V.": {app.Organisation, nil}, "Defence Ministry": {app.GovernmentBody, nil}},
		[]string{"Ibrahim Ag", "Tokmak Reservoir", "Tokmak", "Road Recovery Levy", "S. de R.L. de C.V."})
}

// TestRound6KindsAndOwnedPlaces: legislatures called by their own names and "Statistics
// <state>" are government bodies, as is a Spanish "Servicio"; a state after a possessive
// before a noun says where something owned is ("Telmar's U.S. unit").
func TestRound6KindsAndOwnedPlaces(t *testing.T) {
	text := "The Storting voted on Tuesday, and Statistics Finland said prices rose. The Servicio Nacional de Pesca said catches fell. " +
		"Telmar's U.S. unit will be sold."
	checkRule(t, text, map[string]ruleWant{"Storting": {app.GovernmentBody, nil}, "Statistics Finland": {app.GovernmentBody, nil},
		"Servicio Nacional de Pesca": {app.GovernmentBody, nil}}, []string{"United States"})
}

// TestRound6NameOfAnotherLanguageWithItsAcronym: a body's name of another language that
// capitalises its first and last words only is whole when the acronym after it spells
// its words ("Front de libération du Gourma (FLG)", "Union pour le renouveau du Mbam (URM)").
func TestRound6NameOfAnotherLanguageWithItsAcronym(t *testing.T) {
	text := "The Union pour le renouveau du Mbam (URM) boycotted the vote on Sunday, and the URM said it would appeal."
	checkRule(t, text, map[string]ruleWant{"Union pour le renouveau du Mbam": {"", []string{"URM"}}}, []string{"Mbam"})
}

// TestRound7APlaceSaidOnceStaysAPlace: once the text says plainly that a name is a place
// ("the terminal at Korsa", "sent engineers to Velby, where…", "the town of Ardek"), its
// other mentions are the same place ("traders at Korsa said"), unless one acts or is
// said to be a body; a legislature with ", where" is still a body.
func TestRound7APlaceSaidOnceStaysAPlace(t *testing.T) {
	text := "Oil flows to the export terminal at Korsa. Traders at Korsa said two cargoes were late. " +
		"The firm will send 120 engineers to Velby, where the yard builds tankers. Fighters overran the town of Ardek, and Ardek fell silent. " +
		"The deal must pass the State Great Khural, where the ruling party holds a majority."
	checkRule(t, text, map[string]ruleWant{"State Great Khural": {app.GovernmentBody, nil}}, []string{"Korsa", "Velby", "Ardek"})
	checkRule(t, "Talks were held in Merrow. Merrow said on Monday that it would sign.", map[string]ruleWant{"Merrow": {"", nil}}, nil)
}

// TestRound7HonorificsTagsZonesAndStates: "Ratu", "Daw" and a Burmese "U" are titles;
// "GUE/NGL" in a member's tag is one group, and the state after it the member's; a time
// zone ("All times WAT") is no actor; a federation's "X State" is a place, while the
// "Islamic State" and a state's government keep their names; a lone word before a role
// ("Mapuche activist") qualifies it.
func TestRound7HonorificsTagsZonesAndStates(t *testing.T) {
	text := "Ratu Jone Vuniwai said so. Daw Khin Ei Phyu, the minister, spoke. U Aung Kyaw Lin said no. " +
		"The rapporteur, Dimitra Lekka (GUE/NGL, Greece), objected. All times WAT. " +
		"A committee in Myanmar's eastern Kayah State met. The Lagos State Government said it agreed. " +
		"The case of Mapuche activist Rosa Huenchul was reopened."
	checkRule(t, text, map[string]ruleWant{"Jone Vuniwai": {app.Person, nil}, "Khin Ei Phyu": {app.Person, nil}, "Aung Kyaw Lin": {app.Person, nil},
		"Dimitra Lekka": {app.Person, nil}, "GUE/NGL": {app.Party, nil}, "Lagos State Government": {app.GovernmentBody, nil},
		"Rosa Huenchul": {app.Person, nil}},
		[]string{"Ratu Jone Vuniwai", "Daw Khin Ei Phyu", "U Aung Kyaw Lin", "Greece", "WAT", "Kayah State", "Mapuche", "GUE", "NGL"})
}

// articleNames returns the names ExtractArticle proposes for body, as a set.
func articleNames(body string) map[string]bool {
	names := map[string]bool{}
	for _, s := range ExtractArticle("", body, "", nil) {
		names[s.Name] = true
	}
	return names
}

// TestRound7CreditsAreNoActors: the people a wire story's credits name ("(Reporting by …
// in Baku; Editing by …)", "Additional reporting by …") made the article; they are not
// in it. "Reporting by" inside a sentence is prose, not a credit.
func TestRound7CreditsAreNoActors(t *testing.T) {
	body := "The Halvan Port Authority said traffic fell, citing reporting by Tessaly Radio.\n\n" +
		"(Reporting by Irina Volkova in Riga, Pavel Ostrov in Ruse and Tamar Eliava in Tbilisi; Additional reporting by Sam Okoro; Editing by Jon Brandt)"
	names := articleNames(body)
	for _, n := range []string{"Irina Volkova", "Pavel Ostrov", "Tamar Eliava", "Sam Okoro", "Jon Brandt"} {
		if names[n] {
			t.Errorf("%s, named in the credits, was proposed: %v", n, names)
		}
	}
	if !names["Halvan Port Authority"] || !names["Tessaly Radio"] {
		t.Errorf("the actors of the prose are missing: %v", names)
	}
}

// TestRound7BodiesOfSeveralStates: a commission, authority, mission or secretariat that
// several states share ("Interstate", "Binational", "Pacific", "African") is above states,
// an organisation; a state's own commission is its government's body.
func TestRound7BodiesOfSeveralStates(t *testing.T) {
	text := "The Interstate Commission for River Flows met in Tashkent. The Binational Authority of Lake Oruma agreed. " +
		"The African Union Mission for the Horn said it would stay. The Pacific Fisheries Secretariat objected. The Kenyan Energy Commission approved it."
	checkRule(t, text, map[string]ruleWant{"Interstate Commission for River Flows": {app.Organisation, nil},
		"Binational Authority of Lake Oruma": {app.Organisation, nil}, "African Union Mission for the Horn": {app.Organisation, nil},
		"Pacific Fisheries Secretariat": {app.Organisation, nil}, "Kenyan Energy Commission": {app.GovernmentBody, nil}}, nil)
}

// TestRound8FormsTitlesAndThings: "Pvt. Ltd." ends a firm's name; Indonesian honorifics
// ("Bapak", "Pak", "Ibu", "Hj.", "Ir.") are titles; "li-" joins an Arabic name; an
// operation and a convention centre are no actors; Somaliland is in the gazetteer; party
// words of other languages head parties, and a translation in brackets that holds "and"
// is the party's other name.
func TestRound8FormsTitlesAndThings(t *testing.T) {
	text := "Analysts at Kaveri Street Capital Pvt. Ltd. said so. Pak Budi Santoso said the vote was close, and Ir. Dewi Lestari agreed. " +
		"Fighters of Harakat Ahl al-Nahr li-Difa al-Qura attacked, and Operation Lake Guard II began. " +
		"Delegates met at the Nyali International Convention Centre. Somaliland signed the deal. " +
		"The Partai Laut Biru (Blue Sea Party) and the Frente Agrario y Popular (Agrarian and Popular Front) voted no."
	checkRule(t, text, map[string]ruleWant{"Kaveri Street Capital Pvt. Ltd.": {app.Organisation, nil}, "Budi Santoso": {app.Person, nil},
		"Dewi Lestari": {app.Person, nil}, "Harakat Ahl al-Nahr li-Difa al-Qura": {"", nil}, "Somaliland": {app.State, nil},
		"Partai Laut Biru": {app.Party, []string{"Blue Sea Party"}}, "Frente Agrario y Popular": {app.Party, []string{"Agrarian and Popular Front"}}},
		[]string{"Pak Budi Santoso", "Ir", "Operation Lake Guard II", "Nyali International Convention Centre"})
}

// TestRound8RoleOfABodyAndCourtsInTowns: a role "of" a body with no name after it is the
// body acting through its head ("The President of the Water Regulation Office fined…");
// a court of a level of the state keeps the town it sits in ("Voivodeship Administrative
// Court in Gdansk"); a portfolio followed by a name stays a role's.
func TestRound8RoleOfABodyAndCourtsInTowns(t *testing.T) {
	text := "The President of the Water Regulation Office (URW) fined the firm on Monday. The Voivodeship Administrative Court in Gdansk upheld the fine. " +
		"The Minister of Finance said so."
	checkRule(t, text, map[string]ruleWant{"Water Regulation Office": {app.GovernmentBody, []string{"URW"}},
		"Voivodeship Administrative Court in Gdansk": {app.GovernmentBody, nil}},
		[]string{"President of the Water Regulation Office", "Voivodeship Administrative Court", "Minister of Finance"})
}

// TestRound8WordsOfOtherLanguagesAndTheirMeaning: "whose name means …" gives a body's
// translated name; Polish, Slovak and Czech foundation and association words, and the
// Spanish "Cámara", head organisations; a salt flat or a hill ("Salar", "Cerro") and a
// palace are places; a ratings firm is a company.
func TestRound8WordsOfOtherLanguagesAndTheirMeaning(t *testing.T) {
	text := "The group Fundacja Wolne Dane, whose name means Free Data Foundation, appealed. The Cámara Minera de Salta objected. " +
		"Brines from the Salar de Pocitos feed the plant near Cerro Negro, and protesters gathered at the Palacio de Justicia. The bonds were cut to junk, Moreno Ratings said."
	checkRule(t, text, map[string]ruleWant{"Fundacja Wolne Dane": {app.Organisation, []string{"Free Data Foundation"}},
		"Cámara Minera de Salta": {app.Organisation, nil}, "Moreno Ratings": {app.Organisation, nil}},
		[]string{"Salar de Pocitos", "Cerro Negro", "Palacio de Justicia"})
}

// TestRound9PartnersAndStateAdjectives: the surnames of a firm's partners joined by a
// comma and "&" are one firm ("Mensah, Boateng & Ofori"); a state's adjective stays in
// the name of its embassy, its royal court and a long administration.
func TestRound9PartnersAndStateAdjectives(t *testing.T) {
	text := "Mensah, Boateng & Ofori advised the buyer, and Rao, Iyer & Partners advised the seller. " +
		"The Russian Embassy said it regretted the ruling. The Saudi Royal Court announced the visit. The Danish Maritime Safety Administration agreed."
	checkRule(t, text, map[string]ruleWant{"Mensah, Boateng & Ofori": {app.Organisation, nil}, "Rao, Iyer & Partners": {app.Organisation, nil},
		"Russian Embassy": {app.GovernmentBody, nil}, "Saudi Royal Court": {"", nil}, "Danish Maritime Safety Administration": {app.GovernmentBody, nil}},
		[]string{"Boateng & Ofori", "Iyer & Partners", "Embassy", "Royal Court", "Maritime Safety Administration"})
}

// TestRound9EmbassiesAndContinents: an embassy "of" a state keeps the city it is in, and
// a body's name that ends "in Europe" keeps it; "in Europe" after a verb is a place.
func TestRound9EmbassiesAndContinents(t *testing.T) {
	text := "The Embassy of Canada in Tbilisi said it was concerned. The Council for Water Cooperation in Africa sent experts. Prices rose in Europe."
	checkRule(t, text, map[string]ruleWant{"Embassy of Canada in Tbilisi": {app.GovernmentBody, nil},
		"Council for Water Cooperation in Africa": {"", nil}}, []string{"Europe", "Embassy of Canada"})
}

// TestRound9TranslationAfterAnAcronym: ", Romanian for …" after a name's acronym in
// brackets still gives the name's translation.
func TestRound9TranslationAfterAnAcronym(t *testing.T) {
	text := "The court banned the Partidul Unirea Câmpiei (PUC), Romanian for Plain Union Party, on Tuesday. The Plain Union Party said it would appeal."
	checkRule(t, text, map[string]ruleWant{"Partidul Unirea Câmpiei": {app.Party, []string{"PUC", "Plain Union Party"}}}, nil)
}

// TestRound10NamesOfOtherLanguagesWithTheirEnglish: a name that capitalises only its
// first word is whole before ", or English Name" and before its two-letter acronym; the
// English name after an acronym's bracket (", or …", ", whose name means …") is its
// alias, read across "for the" and "of"; "au" joins a French name; a Spanish "Registro"
// is a public body.
func TestRound10NamesOfOtherLanguagesWithTheirEnglish(t *testing.T) {
	text := "The ruling Slovenska ljudska zveza, or Slovene People's League (SLZ), backed the bill. The Nova pot (NP), or New Path, opposed it. " +
		"Fighters of the Front des Patriotes pour la Libération du Lac (FPLL), whose name means Front of Patriots for the Liberation of the Lake, took the town. " +
		"The Union pour la Paix au Sud-Lac said so. The Registro Nacional de Marcas refused the brand."
	want := map[string]ruleWant{
		"Slovenska ljudska zveza": {app.Party, []string{"Slovene People's League", "SLZ"}},
		"Nova pot":                {"", []string{"NP", "New Path"}},
		"Front des Patriotes pour la Libération du Lac": {"", []string{"FPLL", "Front of Patriots for the Liberation of the Lake"}},
		"Union pour la Paix au Sud-Lac":                 {"", nil},
		"Registro Nacional de Marcas":                   {app.GovernmentBody, nil},
	}
	checkRule(t, text, want, nil)
}

// TestRound10PortfolioThenANameSaidAgain: a minister's portfolio named with "of" ends
// where a name the text says again begins ("Kolláriková said", "Sokha Vannak told"),
// even when no given name the gazetteer knows opens it.
func TestRound10PortfolioThenANameSaidAgain(t *testing.T) {
	text := "Minister of Water Resources and Meteorology Sokha Vannak said the river was low. \"We wait,\" Sokha Vannak told reporters. " +
		"Public Defender of Rights Zdenka Hollá asked the court to act, and officials said Hollá would appeal."
	checkRule(t, text, map[string]ruleWant{"Sokha Vannak": {app.Person, nil}, "Zdenka Hollá": {app.Person, []string{"Hollá"}}},
		[]string{"Water Resources and Meteorology Sokha Vannak", "Rights Zdenka Hollá"})
}

// TestRound11StateNamedOnlyAsWhere: a state's possessive or its name before a noun says
// where something is ("Veldoria's second-largest brewer", "reliance on U.S. suppliers")
// unless the noun is what the state has or does ("Japan's foreign ministry", "U.S.
// officials"), and a state named first in its clause or joined by a hyphen to another acts.
func TestRound11StateNamedOnlyAsWhere(t *testing.T) {
	where := "Kestrel Breweries, Peru's second-largest brewer, bought Ostra Malt. Buyers cut their reliance on U.S. suppliers, " +
		"and Chile's eastern valleys stayed dry."
	checkRule(t, where, map[string]ruleWant{"Kestrel Breweries": {app.Organisation, nil}}, []string{"Peru", "United States", "Chile"})
	acts := "Japan's foreign ministry protested. Kazakhstan kept out of the row. The bank fell after U.S. sanctions hit it. " +
		"The 40-day Armenia-Azerbaijan war ended in May, and Brazil's competition authority opened a review."
	checkRule(t, acts, map[string]ruleWant{"Japan": {app.State, nil}, "United States": {app.State, nil}, "Kazakhstan": {app.State, nil},
		"Armenia": {app.State, nil}, "Azerbaijan": {app.State, nil}, "Brazil": {app.State, nil}}, nil)
}

// TestRound11RolesJoinedByHyphens: a role's words joined by a hyphen, or a harbour's
// master, before a name are the person's role, not part of the name.
func TestRound11RolesJoinedByHyphens(t *testing.T) {
	text := "Treasurer-secretary Hemanta Kumari Rai says the books are open. At the quay, Harbour Master Dorin Albu said the channel was shut."
	checkRule(t, text, map[string]ruleWant{"Hemanta Kumari Rai": {app.Person, nil}, "Dorin Albu": {app.Person, nil}},
		[]string{"Treasurer-secretary Hemanta Kumari Rai", "Harbour Master Dorin Albu"})
}

// TestRound11NamesListedAfterAPlaceClue: names listed after "from" or "to" share the
// place clue ("complaints from Tiruppur and Erode"); a relative clause still makes one
// an actor ("a blow to Veltra, which had hoped…").
func TestRound11NamesListedAfterAPlaceClue(t *testing.T) {
	text := "The commission said it had letters from Korvath and Ilmsdal about the roll. It was a blow to Veltra, which had hoped to win the tender."
	checkRule(t, text, map[string]ruleWant{"Veltra": {"", nil}}, []string{"Korvath", "Ilmsdal"})
}

// TestRound11PersonsNamedOnceWithWhatTheyDo: a title then its holder set off by commas, a
// person "of" a body who speaks, and one a participle clause describes before "said" are
// persons, and a capitalised title is not a name.
func TestRound11PersonsNamedOnceWithWhatTheyDo(t *testing.T) {
	text := "The court told the region's Chief Medical Officer, Oyelaran Adewale, to publish the list. " +
		"Tomoki Sashida of Reiwa said the bill was late. Senior Advocate Dhruvan Menon, appearing for the union, said the deletions were unlawful."
	checkRule(t, text, map[string]ruleWant{"Oyelaran Adewale": {app.Person, nil}, "Tomoki Sashida": {app.Person, nil},
		"Dhruvan Menon": {app.Person, nil}}, []string{"Medical Officer", "Senior Advocate Dhruvan Menon"})
}

// TestRound11CommitteesAndSurveys: a committee's portfolio listed with commas after "on"
// is one name, "of the House of…" after it names a second body, and a survey is a
// document, not an actor.
func TestRound11CommitteesAndSurveys(t *testing.T) {
	text := "The Committee on Fisheries, Ports and Coasts of the House of Councillors met. Prices in the Household Fuel Survey rose."
	checkRule(t, text, map[string]ruleWant{"Committee on Fisheries, Ports and Coasts": {app.GovernmentBody, nil},
		"House of Councillors": {app.GovernmentBody, nil}}, []string{"Household Fuel Survey", "Committee on Fisheries"})
}

// TestRound12NamesOfOtherLanguages: Thai and Malay honorifics before a name, an
// Azerbaijani patronymic with "oglu", a name joined by an en dash, and a party's own name
// and acronym in one bracket after its English name.
func TestRound12NamesOfOtherLanguages(t *testing.T) {
	text := "Khun Wanida Sukprasert said the case was closed. Datuk Wira Razlan Hamdi denied it. " +
		"Elvin Tofiq oglu Aliyev signed for the buyer. Anna Visser of the Citizen–Farmer Union (BurgerBoerenUnie, BBU) voted for it, " +
		"and the Comité pro Tarija said so. Its ally, Norway's Centre Party, did not."
	checkRule(t, text, map[string]ruleWant{
		"Wanida Sukprasert":       {app.Person, nil},
		"Razlan Hamdi":            {app.Person, nil},
		"Elvin Tofiq oglu Aliyev": {app.Person, nil},
		"Citizen-Farmer Union":    {"", []string{"BurgerBoerenUnie", "BBU"}},
		"Comité pro Tarija":       {"", nil},
		"Centre Party":            {app.Party, nil},
	}, []string{"Khun Wanida Sukprasert", "Wira Razlan Hamdi", "Elvin Tofiq", "Farmer Union", "Norway"})
}

// TestRound12AcronymAndName: an acronym alone before "and" names a whole body, so the
// name after it is another; a movement named in Spanish is a party's name.
func TestRound12AcronymAndName(t *testing.T) {
	text := "In the Senate, the UDP and Alianza Cívica Nueva called for a vote, and the Movimiento Popular Andino (MPA) stayed away."
	checkRule(t, text, map[string]ruleWant{"UDP": {"", nil}, "Alianza Cívica Nueva": {app.Party, nil},
		"Movimiento Popular Andino": {app.Party, []string{"MPA"}}}, []string{"UDP and Alianza Cívica Nueva"})
}

// TestRound13MembersAndTheirParties: a councillor's or a legislator's abbreviated title
// is not part of the name, and the party in brackets after the member is proposed as a
// party; a hyphenated role before a comma and a clause opened by "for" before a said-type
// verb say the name is a person's.
func TestRound13MembersAndTheirParties(t *testing.T) {
	text := "Cllr Síle Ní Bhriain (Labour Party Ireland) proposed a delay. Local TD Eoghan Mac Lochlainn (Aontú Nua) said he would object. " +
		"Its director-general, Mireille Ndjock Ebanda, said losses were heavy. Niranjan Kumar Sahoo, for the mining firm, argued the permit held."
	checkRule(t, text, map[string]ruleWant{
		"Síle Ní Bhriain":        {app.Person, nil},
		"Eoghan Mac Lochlainn":   {app.Person, nil},
		"Aontú Nua":              {app.Party, nil},
		"Mireille Ndjock Ebanda": {app.Person, nil},
		"Niranjan Kumar Sahoo":   {app.Person, nil},
	}, []string{"Cllr Síle Ní Bhriain", "Local TD Eoghan Mac Lochlainn"})
}

// TestRound13TranslationsAndAcronyms: a name of another language written in lower case
// after its first word owns the translation in brackets and the acronym "known as" after
// it; a translation may open with a generic word ("National"); currencies and diseases
// written as acronyms are no actors.
func TestRound13TranslationsAndAcronyms(t *testing.T) {
	text := "The walkout was called by the Syndicat général des chauffeurs routiers (General Union of Road Drivers), known as SGCR, " +
		"which says fares of 500 CFA francs are too low. The Tarvo Register of Shipping certified the ship. TB cases rose."
	checkRule(t, text, map[string]ruleWant{
		"Syndicat général des chauffeurs routiers": {app.Organisation, []string{"General Union of Road Drivers", "SGCR"}},
		"Tarvo Register of Shipping":               {app.Organisation, nil},
	}, []string{"CFA", "TB", "Tarvo Register"})
}

// TestRound13GivenNamesOfManyLanguages: a person named once, with nothing around the name
// but a verb, is proposed when the gazetteer of given names knows the first word, in
// the languages the shipped list covers; a title's word after the given name ("Sheikh")
// stays inside the name.
func TestRound13GivenNamesOfManyLanguages(t *testing.T) {
	text := "Oliwia Brzęcka and Kacper Wierzbicki finished the course. Chidinma Okafor-Eze answered questions. " +
		"Bongani Zulu Mthembu kept the accounts. Abdirahman Sheikh Nuur led the convoy."
	checkRule(t, text, map[string]ruleWant{
		"Oliwia Brzęcka":         {app.Person, nil},
		"Kacper Wierzbicki":      {app.Person, nil},
		"Chidinma Okafor-Eze":    {app.Person, nil},
		"Bongani Zulu Mthembu":   {app.Person, nil},
		"Abdirahman Sheikh Nuur": {app.Person, nil},
	}, []string{"Abdirahman", "Nuur"})
}

// TestRound14PortfoliosTickersAndFrenchNames: a minister's portfolios listed with commas
// and "and" before the title are the role's, a ticker in brackets gives the company's
// symbol as its alias and proposes neither the exchange nor the symbol alone, "et" joins
// a French body's name, a law "on" something is a thing, a stadium named in Portuguese is
// a place, and "Lda." ends a company's name after a comma.
func TestRound14PortfoliosTickersAndFrenchNames(t *testing.T) {
	text := "Albanian Tourism, Culture and Sports Minister Dorina Hoxhaj-Leka said the fair would go on. " +
		"Marlow Pantry Inc. (NYSE: MPY) raised its outlook. " +
		"The Conseil National de Transition et de Concorde said elections would wait. " +
		"She was charged under the Law on Assembly and Protest, and Katibat Nur al-Sahel claimed the raid near the Estádio do Vale Verde. " +
		"The buyer, Ferraz & Irmãos, Lda., declined to comment."
	checkRule(t, text, map[string]ruleWant{
		"Dorina Hoxhaj-Leka":                            {app.Person, nil},
		"Marlow Pantry Inc.":                            {app.Organisation, []string{"MPY"}},
		"Conseil National de Transition et de Concorde": {"", nil},
		"Katibat Nur al-Sahel":                          {app.ArmedGroup, nil},
		"Ferraz & Irmãos, Lda.":                         {app.Organisation, nil},
	}, []string{"Albanian Tourism", "Culture", "NYSE", "Assembly", "Estádio do Vale Verde", "Conseil National de Transition"})
}

// TestRound14WellKnownActorsWithoutCueWords: names the shipped gazetteer of well-known
// actors lists are proposed with its kind though nothing around them says what they are,
// and such a name said alone is the short form of a longer name the text gives.
func TestRound14WellKnownActorsWithoutCueWords(t *testing.T) {
	text := "Analysts at Goldman Sachs cut their forecast, Le Monde reported. Fidesz lawmakers abstained. " +
		"Junts per Catalunya walked out; a Junts spokeswoman said the vote was void."
	checkRule(t, text, map[string]ruleWant{
		"Goldman Sachs":       {app.Organisation, nil},
		"Le Monde":            {app.Media, nil},
		"Fidesz":              {app.Party, nil},
		"Junts per Catalunya": {"", []string{"Junts"}},
	}, nil)
}

// TestRound15DigestHeadlinesAndKnownNames: a digest's items open with headlines in Title
// Case on their own lines, which name nothing unless prose names it too; a known name
// holding "the" stays whole; a place stem after "and the" leaves the name before it
// alone; a state after "in the" is a place.
func TestRound15DigestHeadlinesAndKnownNames(t *testing.T) {
	body := "Harbour Pilots End Strike After Nine Days\n\nPilots in Corvale went back to work on Monday, their union said.\n\n" +
		"Kestrel Mills Fined Over Spill\n\nThe regulator fined Kestrel Mills Ltd for the spill. Save the Children and the Suva-based Reef Watch Network asked for more, " +
		"as did Oxfam and the Lima-based Andes Water Forum. Servers in the United States held the data."
	names := articleNames(body)
	for _, n := range []string{"Kestrel Mills Ltd", "Save the Children", "Reef Watch Network", "Oxfam", "Andes Water Forum"} {
		if !names[n] {
			t.Errorf("%q not proposed; got %v", n, names)
		}
	}
	for _, n := range []string{"Harbour Pilots End Strike After Nine Days", "Kestrel Mills Fined Over Spill", "Harbour Pilots", "United States", "Children"} {
		if names[n] {
			t.Errorf("%q proposed; got %v", n, names)
		}
	}
}

// TestRound15MoreKindsAndJoins: laws' acronyms are no actors, a chairperson's title is
// not part of the name, "Pharmaceutical" and "Motor" are company words, "ve" and "und"
// join a name's words, a prefecture is a state's body, and a place before "and" a
// company is not part of its name.
func TestRound15MoreKindsAndJoins(t *testing.T) {
	text := "The fine under the GDPR and the DMA was upheld, Chairperson Meera Dasgupta-Roy said. Harumi Pharmaceutical and Kaito Motor signed. " +
		"The Özgür Halk ve Emek Partisi objected, as did the Préfecture du Sud. Funds went to Adria Gradnja d.o.o. in Zadar and Puszta Mérnök Kft. in Szeged."
	checkRule(t, text, map[string]ruleWant{
		"Meera Dasgupta-Roy":         {app.Person, nil},
		"Harumi Pharmaceutical":      {app.Organisation, nil},
		"Kaito Motor":                {app.Organisation, nil},
		"Özgür Halk ve Emek Partisi": {app.Party, nil},
		"Préfecture du Sud":          {app.GovernmentBody, nil},
		"Puszta Mérnök Kft.":         {app.Organisation, nil},
	}, []string{"GDPR", "DMA", "Chairperson Meera Dasgupta-Roy", "Zadar and Puszta Mérnök Kft"})
}

// TestRound16UnitsLawsAndTitles: an ordinal opens a unit's or a court's name, a law's
// name holding "of" is a thing, a chief executive's title in capitals between a company
// and a person is no part of the person's name, an amount in a currency's letters is no
// actor, and the state before a judge's or a legislator's title only says where they sit.
func TestRound16UnitsLawsAndTitles(t *testing.T) {
	text := "The 61st Mechanized Brigade said it held the line. The suit cites the Coastal Invasion of Privacy Act. " +
		"Brightvale CEO Tamsin Okoro-Blake declined to comment. The fund lost RM4 billion. " +
		"U.S. Rep. Dana Whitcombe (R-Ind.) called for hearings."
	checkRule(t, text, map[string]ruleWant{
		"61st Mechanized Brigade": {app.ArmedGroup, nil},
		"Tamsin Okoro-Blake":      {app.Person, nil},
		"Dana Whitcombe":          {app.Person, nil},
	}, []string{"Coastal Invasion", "Coastal Invasion of Privacy Act", "RM4", "Mechanized Brigade", "United States", "Brightvale CEO Tamsin Okoro-Blake"})
}

// TestRound16JoinersAndNewspapers: "i" joins a Croatian or Catalan name's words, a
// newspaper named "The … Ledger" or "… Observer" is a medium, and a minister "for"
// climate change before a given name is the person's role.
func TestRound16JoinersAndNewspapers(t *testing.T) {
	text := "Jordi Ferrer i Pons voted no. The Stranka mira i napretka (SMN) said so, The Harbour Ledger reported. " +
		"Federal Minister for Climate Change Nadia Qureshi-Baig visited the camp."
	checkRule(t, text, map[string]ruleWant{
		"Jordi Ferrer i Pons":     {app.Person, nil},
		"Stranka mira i napretka": {app.Party, []string{"SMN"}},
		"The Harbour Ledger":      {app.Media, nil},
		"Nadia Qureshi-Baig":      {app.Person, nil},
	}, []string{"Climate Change Nadia Qureshi-Baig", "Pons"})
}

// TestRound17StatesWithAndCodesAndRanks: a state whose name holds "and" stays whole, also
// at the head of its body's name; a region of a state after a compass word is a place; a
// flight's code is no actor; plural ranks and "co-" roles before a name are the person's.
func TestRound17StatesWithAndCodesAndRanks(t *testing.T) {
	text := "The Trinidad and Tobago Meteorological Service issued a warning as flight BW526 turned back. " +
		"The boat had left eastern Libya. Privates Okello Amuge and Co-writer Saskia van den Broek were named."
	checkRule(t, text, map[string]ruleWant{
		"Trinidad and Tobago Meteorological Service": {app.GovernmentBody, nil},
		"Okello Amuge":         {app.Person, nil},
		"Saskia van den Broek": {app.Person, nil},
	}, []string{"BW526", "Libya", "and Tobago Meteorological Service", "Privates Okello Amuge", "Co-writer Saskia van den Broek"})
}

// TestJoinersRightAfterACutNeverPanic: a cut at "the", "of" or "for" may leave "and" first
// in what is left of a run ("Alpha the and Gamma"); the rules that look at the words on
// each side of "and" must read an empty side as one.
func TestJoinersRightAfterACutNeverPanic(t *testing.T) {
	for _, text := range []string{"He met Alpha Beta the and Gamma Delta.", "The Alpha of and Gamma Ltd said.",
		"We saw Alpha the and Gamma Holdings yesterday.", "They met in Rome for and Tisza Kft yesterday.",
		"Votes went to the Farmer–"} { // an en dash ending the text joins nothing
		Extract("", text, nil) // a panic fails the test
	}
}

// TestRound18QualifiersParticlesAndPlaces: a body above states named only before a role
// ("one NATO ally") is a qualifier, a well-known NGO before a role ("a Greenpeace
// campaigner") is still named; a city after "of" and a company word says where the
// company is; "CE" marking is no actor.
func TestRound18QualifiersParticlesAndPlaces(t *testing.T) {
	text := "Ministers said that one NATO ally would host the drills. A Greenpeace campaigner, Mari Lund, said the CE mark was void. " +
		"The vote was backed by Fennick Ventures of London."
	checkRule(t, text, map[string]ruleWant{
		"Greenpeace":       {app.Organisation, nil},
		"Fennick Ventures": {app.Organisation, nil},
	}, []string{"NATO", "CE", "Fennick Ventures of London"})
}

func TestRound19KindsFromTranslationsClubsAndStateFunctions(t *testing.T) {
	text := "Phak Kla Tham Rak Chat (Brave Patriots Party) said it would vote no. HNK Varazdin said in a statement that its fans were innocent. " +
		"The Port Licensing Board fined the carrier, and the Trellan Broadcasting Corporation filmed the hearing. " +
		"Abay Media Network said its reporter was freed."
	checkRule(t, text, map[string]ruleWant{
		"Phak Kla Tham Rak Chat":           {app.Party, []string{"Brave Patriots Party"}},
		"HNK Varazdin":                     {app.Organisation, nil},
		"Port Licensing Board":             {app.GovernmentBody, nil},
		"Trellan Broadcasting Corporation": {app.Media, nil},
		"Abay Media Network":               {app.Media, nil},
	}, nil)
}

func TestRound19HonorificsAndPeopleOpeningASentence(t *testing.T) {
	text := "Madame Odile Ferrand, the mayor, said the market would reopen. Mawlawi Noor Agha Sadiqi said the road was closed. " +
		"Amir Halilovic said the club would appeal. Reporters Lidia Mamo Bekele and Tigist Alemu Worku were held. " +
		"Soldiers of the Kivara Defence Forces crossed the river on Monday, the Kivara Defence Forces said."
	checkRule(t, text, map[string]ruleWant{
		"Odile Ferrand":         {app.Person, nil},
		"Noor Agha Sadiqi":      {app.Person, nil},
		"Amir Halilovic":        {app.Person, nil},
		"Lidia Mamo Bekele":     {app.Person, nil},
		"Kivara Defence Forces": {app.ArmedGroup, nil},
	}, []string{"Madame Odile Ferrand", "Mawlawi Noor Agha Sadiqi", "Halilovic", "Reporters Lidia Mamo Bekele",
		"Soldiers of the Kivara Defence Forces"})
}

func TestRound19BuildingsAndBodiesJoinedByAnd(t *testing.T) {
	text := "Families were told to register at the Harlow Memorial Centre or the Dunmore Leisure Complex. " +
		"The envoy spoke at Kestrel House on Friday. The Fisheries and Oceans Commission asked about fisheries quotas. " +
		"The Ornell Medical Center said it had beds, and the Ethics and Integrity Board of the league met."
	checkRule(t, text, map[string]ruleWant{
		"Fisheries and Oceans Commission": {"", nil},
		"Ornell Medical Center":           {app.Organisation, nil},
	}, []string{"Harlow Memorial Centre", "Dunmore Leisure Complex", "Kestrel House", "Fisheries", "Oceans Commission"})
}

func TestRound19IrishJoiner(t *testing.T) {
	text := "Conradh na Tuaithe, the rural-rights group, said the grant was too small. Conradh na Tuaithe will meet again in May."
	checkRule(t, text, map[string]ruleWant{
		"Conradh na Tuaithe": {app.Organisation, nil},
	}, []string{"Tuaithe"})
}

func TestRound19PortfolioListsBeforeAName(t *testing.T) {
	text := "Minister of Roads and Irrigation Thilak Senanayake Perera said the canal would open. " +
		"Minister for Housing, Planning and the Environment Gearóid Ó Briain said so too. " +
		"Ghana's Minister of Fisheries, Trade and Investment, Kwesi Amankwah Boateng, said he would call his counterpart."
	checkRule(t, text, map[string]ruleWant{
		"Thilak Senanayake Perera": {app.Person, nil},
		"Gearóid Ó Briain":         {app.Person, nil},
		"Kwesi Amankwah Boateng":   {app.Person, nil},
	}, []string{"Irrigation Thilak Senanayake Perera", "Roads", "Environment Gearóid Ó Briain", "Planning", "Trade", "Investment",
		"Minister of Fisheries, Trade and Investment"})
}

func TestRound19StateOwnsItsSupervisorAndPostNominals(t *testing.T) {
	text := "Officials of Valmora Bank met Finanzaufsicht, Austria's financial supervisor, on Monday. " +
		"Rohan Mehta, IAS, the district collector, said the pumps were fixed. The loan was NOK 40 million."
	checkRule(t, text, map[string]ruleWant{
		"Austria":     {app.State, nil},
		"Rohan Mehta": {app.Person, nil},
	}, []string{"IAS", "NOK"})
}

func TestRound20NicknamesOfSeveralWords(t *testing.T) {
	text := `Voters in Roseau backed Desmond "Calypso Star" Pierre on Monday. Pierre said he would serve. ` +
		`The gang is led by Ovens “Ti Machete” Belizaire, police said; Belizaire denied it.`
	checkRule(t, text, map[string]ruleWant{
		"Desmond Pierre":  {app.Person, []string{"Pierre", "Calypso Star", `Desmond "Calypso Star" Pierre`}},
		"Ovens Belizaire": {app.Person, []string{"Belizaire", "Ti Machete"}},
	}, []string{"Desmond", "Ovens", "Calypso Star Pierre"})
}

func TestRound20RomanceBodiesAndTitles(t *testing.T) {
	text := "The Coordinación Estatal de Protección Civil said the shelters were full. " +
		"A banner signed by Los Zorros del Valle was hung from a bridge. " +
		"Promotor Rafael Bezerra de Lima said the firms were shells, and the Grupo de Combate ao Crime Organizado agreed. " +
		"The Fiscalía contra la Extorsión opened a case. The Tarawa Agreement was signed. " +
		"The board named Lucía Ferrán Ocampo as its chair."
	checkRule(t, text, map[string]ruleWant{
		"Coordinación Estatal de Protección Civil": {app.Organisation, nil},
		"Los Zorros del Valle":                     {app.Organisation, nil},
		"Rafael Bezerra de Lima":                   {app.Person, nil},
		"Grupo de Combate ao Crime Organizado":     {"", nil},
		"Fiscalía contra la Extorsión":             {"", nil},
		"Lucía Ferrán Ocampo":                      {app.Person, nil},
	}, []string{"Promotor Rafael Bezerra de Lima", "Tarawa Agreement", "Crime Organizado", "Extorsión"})
}

func TestRound20OtherLanguagesNamesAndTheirMeanings(t *testing.T) {
	text := "Turnout favoured the Kaiho Minshuto, the Liberal Reform Party of Japan (LRP), in the north. " +
		"The Shakai Rengo, known in English as the Social Union Party, stayed out. " +
		"The ruling bloc (Erovnuli Ertoba, or ENE) won, as did Mtsvane Gza, whose name means Green Road."
	checkRule(t, text, map[string]ruleWant{
		"Kaiho Minshuto": {app.Party, []string{"Liberal Reform Party of Japan"}},
		"Shakai Rengo":   {app.Party, []string{"Social Union Party"}},
		"Mtsvane Gza":    {app.Organisation, []string{"Green Road"}},
	}, []string{"Erovnuli Ertoba, or ENE"})
}

func TestRound20NetworksTickersAndShortenedNames(t *testing.T) {
	text := "Claims spread on X, Facebook and Telegram, but not from Instagram. Meta, which owns Facebook, said it labelled them. " +
		"Kestrel Optoelectronics Corp. (TWSE: 3317) halted two lines. Kestrel Opto said on Friday that clients had been told. " +
		"Facebook removed the page on Monday."
	checkRule(t, text, map[string]ruleWant{
		"Meta":                          {app.Organisation, nil},
		"Kestrel Optoelectronics Corp.": {app.Organisation, []string{"3317", "Kestrel Opto"}},
		"Facebook":                      {"", nil},
	}, []string{"Telegram", "Instagram", "TWSE"})
}

func TestRound21RomanceNamesInSentenceCase(t *testing.T) {
	text := "The main opposition bloc, the Rassemblement pour l'unité républicaine, was cautious. " +
		"The Conseil constitutionnel has ten days to rule. Troops from the Bataillon de la garde présidentielle (BAGP) stood by. " +
		"Soldiers named themselves the Comité national pour le salut de la Patrie (National Committee for the Salvation of the Homeland, CNSP) on Monday. " +
		"The RUR said it would not take part. Union general secretary Arul Devan Pillai resigned."
	checkRule(t, text, map[string]ruleWant{
		"Rassemblement pour l'unité républicaine":    {"", []string{"RUR"}},
		"Conseil constitutionnel":                    {"", nil},
		"Bataillon de la garde présidentielle":       {app.ArmedGroup, []string{"BAGP"}},
		"Comité national pour le salut de la Patrie": {"", nil},
	}, []string{"Conseil constitutionnel has", "Patrie", "Comité national pour le salut", "Union general"})
}

func TestRound21USBodiesLabelsAndTitles(t *testing.T) {
	text := "EVACUATIONS: Residents of Pine Flat must leave now.\n\nROADS: Route 9 is closed.\n\n" +
		"The U.S. Court of Appeals for the Tenth Circuit upheld the ruling, and the U.S. Bureau of Land Management appealed. " +
		"Sheriff Dolores Whitcombe said the shelters were full."
	checkRule(t, text, map[string]ruleWant{
		"U.S. Court of Appeals for the Tenth Circuit": {app.GovernmentBody, nil},
		"U.S. Bureau of Land Management":              {app.GovernmentBody, nil},
		"Dolores Whitcombe":                           {app.Person, nil},
	}, []string{"EVACUATIONS", "ROADS", "Sheriff Dolores Whitcombe", "Court of Appeals for the Tenth Circuit", "United States"})
}

func TestRound22ListsDistrictsAndPostNominals(t *testing.T) {
	text := "Grants went to the Wenatchee School District, Tulsa Public Schools and the Kern Water District. " +
		"Students at the University of Nebraska, Creighton University and the University of Kansas protested. " +
		"Niamh Ní Bhriain TD said the scheme failed, and Tobias Grant KC agreed. Governor-elect Ana Ruiz Calle said so. " +
		"The Consumer Protection Agency fined the seller."
	checkRule(t, text, map[string]ruleWant{
		"Wenatchee School District":  {app.GovernmentBody, nil},
		"Tulsa Public Schools":       {app.GovernmentBody, nil},
		"University of Nebraska":     {"", nil},
		"Creighton University":       {"", nil},
		"Niamh Ní Bhriain":           {app.Person, nil},
		"Tobias Grant":               {app.Person, nil},
		"Ana Ruiz Calle":             {app.Person, nil},
		"Consumer Protection Agency": {app.GovernmentBody, nil},
	}, []string{"Niamh Ní Bhriain TD", "Tobias Grant KC", "Governor-elect Ana Ruiz Calle"})
}

func TestRound22PurposesAndNumberedUnits(t *testing.T) {
	text := "The Committee to Defend Rural Schools said the plan was unfair. " +
		"A brief from the Global Alliance to End Child Labour, Bonded Work and Trafficking supported it. " +
		"Warehouse Workers Local 731 voted to strike, and Local 731 said talks had failed. " +
		"Warehouse Workers United said it backed them. Appeals Tribunal No. 4 heard the case."
	checkRule(t, text, map[string]ruleWant{
		"Committee to Defend Rural Schools":                                {app.Organisation, nil},
		"Global Alliance to End Child Labour, Bonded Work and Trafficking": {"", nil},
		"Warehouse Workers Local 731":                                      {app.Organisation, []string{"Local 731"}},
		"Appeals Tribunal No. 4":                                           {"", nil},
	}, []string{"Defend Rural Schools", "Bonded Work", "Appeals Tribunal No"})
}

func TestRound23GroupsOfNumbersMediaHeadsAndCalendars(t *testing.T) {
	text := "Finance ministers of the Group of 20 met in Rome; the G20 said debt relief was urgent. " +
		"The Tabriz News Agency (TNA) reported the remarks, and Farda Online said the vote was close. " +
		"The cabinet met on 3 Esfand. Ebola cases rose, the ministry said. Mara Salvatrucha denied it; MS-13 is banned."
	checkRule(t, text, map[string]ruleWant{
		"Group of 20":        {"", []string{"G20"}},
		"Tabriz News Agency": {app.Media, []string{"TNA"}},
		"Farda Online":       {app.Media, nil},
		"Mara Salvatrucha":   {"", []string{"MS-13"}},
	}, []string{"Ebola", "Esfand"})
}

func TestRound23UnitsOfBodiesTitlesAndAbbreviations(t *testing.T) {
	text := "The Financial Crimes Department of the Brenton Police Service opened a case. " +
		"The Budget Division of the Ministry of Planning agreed, and the Department of the Treasury objected. " +
		"The managing director, Md. Rafiqul Islam Khan, said so. Alhaji Musa Danladi Bello and Mama Grace Wanjiru Mutua spoke. " +
		"Rogelio Santos Jr. was named."
	checkRule(t, text, map[string]ruleWant{
		"Financial Crimes Department": {app.GovernmentBody, nil},
		"Brenton Police Service":      {app.GovernmentBody, nil},
		"Budget Division":             {app.GovernmentBody, nil},
		"Ministry of Planning":        {app.GovernmentBody, nil},
		"Department of the Treasury":  {app.GovernmentBody, nil},
		"Md. Rafiqul Islam Khan":      {app.Person, nil},
		"Musa Danladi Bello":          {app.Person, nil},
		"Grace Wanjiru Mutua":         {app.Person, nil},
		"Rogelio Santos Jr.":          {app.Person, nil},
	}, []string{"Financial Crimes Department of the Brenton Police Service", "Md", "Alhaji Musa Danladi Bello", "Mama Grace Wanjiru Mutua"})
}

func TestRound24HonorificsOfManyLanguagesAndMa(t *testing.T) {
	text := "Ato Dawit Bekele Haile said the road was shut. Inkosi Sipho Ndlovu-Zungu and Jajja Namata Kizza spoke. " +
		"Barrister Ayesha Karim Qureshi filed the case, and Begum Rokeya Sultana Chowdhury backed it. " +
		"The senator questioned Ma. Lourdes Santos-Reyes on Monday. The founder was Jack Ma. He left."
	checkRule(t, text, map[string]ruleWant{
		"Dawit Bekele Haile":       {app.Person, nil},
		"Sipho Ndlovu-Zungu":       {app.Person, nil},
		"Namata Kizza":             {app.Person, nil},
		"Ayesha Karim Qureshi":     {app.Person, nil},
		"Ma. Lourdes Santos-Reyes": {app.Person, nil},
	}, []string{"Ato Dawit Bekele Haile", "Inkosi Sipho Ndlovu-Zungu", "Barrister Ayesha Karim Qureshi", "Lourdes Santos-Reyes", "Ma", "Jack Ma. He"})
}

func TestRound25HoldersOfBodiesAndMoreTitles(t *testing.T) {
	text := "Minister for Justice Róisín Ní Bhraonáin of Fine Gael said the bill would pass. " +
		"Kak Dilshad Rauf Karim and Madam Siti Hajar Rahim spoke, and Deputy Maeve Keaveney asked why."
	checkRule(t, text, map[string]ruleWant{
		"Róisín Ní Bhraonáin": {app.Person, nil},
		"Fine Gael":           {app.Party, nil},
		"Dilshad Rauf Karim":  {app.Person, nil},
		"Siti Hajar Rahim":    {app.Person, nil},
		"Maeve Keaveney":      {app.Person, nil},
	}, []string{"Róisín Ní Bhraonáin of Fine Gael", "Kak Dilshad Rauf Karim", "Madam Siti Hajar Rahim", "Deputy Maeve Keaveney"})
}

func TestRound25DigestItemsModifiersAndCapitals(t *testing.T) {
	text := "• Chile Picks New Mining Regulator Chief — The Servicio Nacional de Geología named Ana Ruiz Calle on Monday.\n\n" +
		"Mostly Pampas Credit Union lends to farmers, its manager said. " +
		"The deal between Lusaka and Kafue Copper Holdings was signed, Kafue Copper Holdings said."
	checkRule(t, text, map[string]ruleWant{
		"Pampas Credit Union":   {app.Organisation, nil},
		"Kafue Copper Holdings": {app.Organisation, nil},
	}, []string{"Chile Picks New Mining Regulator Chief", "Mostly Pampas Credit Union", "Lusaka and Kafue Copper Holdings"})
}

func TestRound25ListedAliasesAndAddresses(t *testing.T) {
	text := "3. Omar Faisal Rashidi (also known as \"Abu Karim\"; Umar Faysal al-Rashidi). Born 2 May 1970 in Sabha, Libya. " +
		"Rashidi could not be reached. Libya's government welcomed the listing."
	checkRule(t, text, map[string]ruleWant{
		"Omar Faisal Rashidi": {app.Person, []string{"Abu Karim", "Umar Faysal al-Rashidi", "Rashidi"}},
		"Libya":               {app.State, nil},
	}, []string{"Sabha"})
}

func TestRound25NamesGivenInAppositives(t *testing.T) {
	text := "The army appointed Karim Adnan al-Masri, a former rebel commander better known by his nom de guerre Abu Zaid al-Masri, to lead it. " +
		"The party elected Omar Salar Aziz, a veteran whom older members still call Mam Hewa, as its leader. " +
		"Chief Daniel Wilson Naziel, who holds the name Gwinuu, spoke first."
	checkRule(t, text, map[string]ruleWant{
		"Karim Adnan al-Masri": {app.Person, []string{"Abu Zaid al-Masri"}},
		"Omar Salar Aziz":      {app.Person, []string{"Mam Hewa"}},
		"Daniel Wilson Naziel": {app.Person, []string{"Gwinuu"}},
	}, nil)
}

func TestRound26RomanceTitlesWithPortfolios(t *testing.T) {
	text := "Ministro de Economía Tomás Arancibia Rojas said the bond would be repaid. " +
		"Defensora del Pueblo Inés Carvajal Mora said the camps were full. " +
		"Ministra de Minas y Energía Paula Herrera Sáenz said so. The Ministro de Defensa did not comment. " +
		"The Frente para la Victoria (Front for Victory) bloc abstained."
	checkRule(t, text, map[string]ruleWant{
		"Tomás Arancibia Rojas":   {app.Person, nil},
		"Inés Carvajal Mora":      {app.Person, nil},
		"Paula Herrera Sáenz":     {app.Person, nil},
		"Frente para la Victoria": {"", []string{"Front for Victory"}},
	}, []string{"de Economía Tomás Arancibia Rojas", "Ministro de Defensa", "de Defensa"})
}

// TestRound27BenchAndBarLetters: a judgment's letters after a name (JA, CJ; SC after a
// given name) and titles of more languages say what a person is, not part of the name;
// "Justice of Appeal" is one title, and the parties of a case are no names.
func TestRound27BenchAndBarLetters(t *testing.T) {
	text := "Justice of Appeal Hemalatha Doodnath-Joseph, with Justices of Appeal Gregory Sealy-Dukhan agreeing, allowed it. " +
		"The Appellant was awarded costs against the Second Respondent. The Appellant had farmed there. " +
		"Appeal allowed. Doodnath-Joseph JA. Rohan Maharaj SC appeared for the farmers. " +
		"Encik Razif Omar said the port was full. Ro Tevita Naulu said the chiefs agreed. " +
		"Cagayan Valley SC beat the visitors."
	checkRule(t, text, map[string]ruleWant{
		"Hemalatha Doodnath-Joseph": {app.Person, []string{"Doodnath-Joseph"}},
		"Gregory Sealy-Dukhan":      {app.Person, nil},
		"Rohan Maharaj":             {app.Person, nil},
		"Razif Omar":                {app.Person, nil},
		"Tevita Naulu":              {app.Person, nil},
	}, []string{"Appellant", "Second Respondent", "Respondent", "Doodnath-Joseph JA", "Rohan Maharaj SC",
		"Encik Razif Omar", "Ro Tevita Naulu", "Appeal Hemalatha Doodnath-Joseph", "Cagayan Valley"})
}

// TestRound27BracketsInsideNames: a party's qualifier in brackets belongs to its name and
// its acronym; a law's brackets belong to the law; two newsrooms credited with a slash are
// two; an independent's tag is no party.
func TestRound27BracketsInsideNames(t *testing.T) {
	text := "PATNA, May 2 (Reuters/PTI) - Members of the Janata Dal (Secular) walked out, and " +
		"Ramesh Gowda (JD(S)) said the vote was rushed. The Bihar Well Water (Licensing and Control) (Amendment) Bill " +
		"passed. Leela Nair (IND) voted against it. The Communist Party of Nepal (Unified Socialist) said it was ready."
	checkRule(t, text, map[string]ruleWant{
		"Janata Dal (Secular)":                         {app.Party, []string{"JD(S)"}},
		"Communist Party of Nepal (Unified Socialist)": {app.Party, nil},
		"Reuters":      {app.Media, nil},
		"PTI":          {app.Media, nil},
		"Ramesh Gowda": {app.Person, nil},
	}, []string{"Reuters/PTI", "IND", "Control", "Amendment", "Unified Socialist", "Secular", "Bihar Well Water"})
}

// TestRound27RolesLeaguesWardsAndCouncils: "MP for the X Party" names the party; a
// law's last word makes it a law whatever body's words it holds; a league for rights or
// of bodies is civic; a ward is a place; a council of two places joined by "and" is one.
func TestRound27RolesLeaguesWardsAndCouncils(t *testing.T) {
	text := "Hoda Sabry, an MP for the Free Egyptians Party, said no. The Manitoba Provincial Police Service Act passed. " +
		"The Croatian League for Human Rights objected, as did the Welsh League of Credit Unions. " +
		"Labour held the Glenmore and Rothiemay ward of Moray and Banff Council on Friday. " +
		"Sen. Ma. Luzviminda Tan-Ocampo asked why."
	checkRule(t, text, map[string]ruleWant{
		"Free Egyptians Party":             {app.Party, nil},
		"Croatian League for Human Rights": {app.Organisation, nil},
		"Welsh League of Credit Unions":    {app.Organisation, nil},
		"Moray and Banff Council":          {"", nil},
		"Ma. Luzviminda Tan-Ocampo":        {app.Person, nil},
	}, []string{"MP for the Free Egyptians Party", "Manitoba Provincial Police Service Act", "Glenmore", "Rothiemay",
		"Banff Council", "Ma", "Luzviminda Tan-Ocampo"})
}

// TestRound27LettersThenTranslationAndLegalForms: "(N-VA, New Flemish Alliance)" gives
// the letters and the translation; a known body's organ named with "and" is one name;
// Czech and Polish forms in lower case end a company's name after a comma or after the
// lower-case words of a name that capitalises only its first word.
func TestRound27LettersThenTranslationAndLegalForms(t *testing.T) {
	text := "The talks brought in the Vlaamse Volkspartij (VVP, Flemish People's Party) and the centrist Les Wallons. " +
		"The African Union Peace and Security Council met on Monday. " +
		"Severní nákladní služby a.s. bought the wagons from Oderland Kolej, a.s. on Friday. " +
		"The seller, Wisła Tabor sp. z o.o., said the price was fair. Mária Kováčová (SaS, Slovakia) voted against."
	checkRule(t, text, map[string]ruleWant{
		"Vlaamse Volkspartij":                      {app.Party, []string{"VVP", "Flemish People's Party"}},
		"African Union Peace and Security Council": {app.Organisation, nil},
		"Severní nákladní služby a.s.":             {app.Organisation, nil},
		"Oderland Kolej, a.s.":                     {app.Organisation, nil},
		"Wisła Tabor sp. z o.o.":                   {app.Organisation, nil},
	}, []string{"African Union Peace", "Security Council", "Severní", "Slovakia"})
}

// TestRound27KindsOfStateBodiesAndParties: a state's central bank, an institute it names
// as its own, an agency or a board not set above states are its bodies; the body a
// legislator is "of" is a party; a Romance body noun opens no person's name.
func TestRound27KindsOfStateBodiesAndParties(t *testing.T) {
	text := "The Central Bank of Lesotho raised rates, and the Reserve Bank of Malawi held. The Bank of Uganda agreed. " +
		"The European Central Bank and the Trade Bank of Iraq did not comment. " +
		"The Finnish Polar Institute and the National Forestry Institute said so; the German Economic Institute disagreed. " +
		"The Public Health Agency and the Kenya Roads Board agreed, as did the Swedish Tax Agency, unlike the Balkan Press Agency. " +
		"Diputado Efraín Colque Mamani of Unidad Andina said no. Senator Laima Balode of the Farmers Union said yes. " +
		"The Gremio de Pescadores del Sur said the boats would stay in port."
	checkRule(t, text, map[string]ruleWant{
		"Central Bank of Lesotho":      {app.GovernmentBody, nil},
		"Reserve Bank of Malawi":       {app.GovernmentBody, nil},
		"Bank of Uganda":               {app.GovernmentBody, nil},
		"European Central Bank":        {app.Organisation, nil},
		"Trade Bank of Iraq":           {app.Organisation, nil},
		"Finnish Polar Institute":      {app.GovernmentBody, nil},
		"National Forestry Institute":  {app.GovernmentBody, nil},
		"German Economic Institute":    {app.Organisation, nil},
		"Public Health Agency":         {app.GovernmentBody, nil},
		"Kenya Roads Board":            {app.GovernmentBody, nil},
		"Swedish Tax Agency":           {app.GovernmentBody, nil},
		"Balkan Press Agency":          {app.Media, nil},
		"Unidad Andina":                {app.Party, nil},
		"Farmers Union":                {app.Party, nil},
		"Gremio de Pescadores del Sur": {app.Organisation, nil},
	}, []string{"Tax Agency", "Polar Institute"})
}

// TestRound28PossessivesSectorsAndBodiesAboveStates: a plural possessive goes on a body's
// name before its head or "Rights"; a qualifier and two sectors joined by "and" before a
// head are one body; "for the" a party after a body names two; a body of a body above
// states is one too; "of the" a union names the union apart.
func TestRound28PossessivesSectorsAndBodiesAboveStates(t *testing.T) {
	text := "The West African Court on Human and Peoples' Rights ruled, and the Federation of Parents' Associations of Tunisia " +
		"welcomed it. The Latvian Dockers' Independent Union called a strike. The International Olive and Table Grape Council said prices rose. " +
		"Ari Salih, who sits in the Council of Representatives for the Kurdistan Democratic Party, said no. " +
		"The General Court of the European Union ruled. The Executive Council of the African Union met. The ferry MS Kaisla sailed."
	checkRule(t, text, map[string]ruleWant{
		"West African Court on Human and Peoples' Rights": {app.Organisation, nil},
		"Federation of Parents' Associations of Tunisia":  {app.Organisation, nil},
		"Latvian Dockers' Independent Union":              {app.Organisation, nil},
		"International Olive and Table Grape Council":     {app.Organisation, nil},
		"Council of Representatives":                      {"", nil},
		"Kurdistan Democratic Party":                      {app.Party, nil},
		"General Court of the European Union":             {app.Organisation, nil},
		"Executive Council":                               {"", nil},
		"African Union":                                   {app.Organisation, nil},
	}, []string{"Independent Union", "International Olive", "Table Grape Council", "MS Kaisla", "Kaisla",
		"Executive Council of the African Union", "Federation of Parents"})
}

// TestRound29TitlesTagsAndNewsrooms: titles of more languages, a party-and-place tag of
// several words, members of a party in the plural, number words, "a Caracas NGO", and
// "The" before a newsroom's noun.
func TestRound29TitlesTagsAndNewsrooms(t *testing.T) {
	text := "Kachalla Bello Turji said no. DSP Amina Garba Sule said yes. Obbo Lemma Tolessa agreed. " +
		"Rep. Laura Ocampo (D-San Antonio) voted no, and Republicans joined 40 Democrats against it. " +
		"It was founded by a Caracas NGO. Musa Bello told The Xinhua news agency it was false. " +
		"Cotonou rejected the ruling. The Kazakh fund's EBIT fell."
	checkRule(t, text, map[string]ruleWant{
		"Bello Turji":      {app.Person, nil},
		"Amina Garba Sule": {app.Person, nil},
		"Lemma Tolessa":    {app.Person, nil},
		"Laura Ocampo":     {app.Person, nil},
		"Xinhua":           {app.Media, nil},
		"Cotonou":          {app.State, nil},
	}, []string{"Kachalla Bello Turji", "DSP Amina Garba Sule", "Obbo Lemma Tolessa", "D-San Antonio",
		"Republicans", "Democrats", "Caracas", "Caracas NGO", "The Xinhua"})
}

// TestRound30PlacesOfPeopleAndGoods: a state people come from or goods go to is a place;
// troops from a state are its own; a state's directorate makes it an actor; an index's
// name holds a body's words; Malaysian names keep "a/p" and a surname "Tan".
func TestRound30PlacesOfPeopleAndGoods(t *testing.T) {
	text := "Police freed 140 people, most of them from Laos, Nepal and Uganda. The plant will ship buses to Peru and Chile. " +
		"Most of the copper went by rail to Namibia. Troops from Ghana and Senegal patrol the border. " +
		"India's Directorate of Shipping said it was in contact. Turkey ranks 150th in the Global Media Freedom Index. " +
		"Puan Kavitha a/p Ramasamy said yes. Tan Sri Tan Wei Ming said no. The Brandenburg Landtag passed it."
	checkRule(t, text, map[string]ruleWant{
		"Ghana":                {app.State, nil},
		"Senegal":              {app.State, nil},
		"India":                {app.State, nil},
		"Kavitha a/p Ramasamy": {app.Person, nil},
		"Tan Wei Ming":         {app.Person, nil},
		"Brandenburg Landtag":  {app.GovernmentBody, nil},
	}, []string{"Laos", "Nepal", "Uganda", "Peru", "Chile", "Namibia", "Global Media Freedom Index", "Wei Ming", "Kavitha"})
}

// TestRound31MembersCommitteesAndCivicAlliances: a known party before a member's title is
// the party; "(LD, North East Scotland)" after a member is her party and region; a body's
// possessive before another head names two; a portfolio list runs on to its holder; an
// alliance of a trade, a cause or a sport is civic.
func TestRound31MembersCommitteesAndCivicAlliances(t *testing.T) {
	text := "Fine Gael TD Orla Kinsella said no. Fiona Rennie (LD, North East Scotland) agreed. " +
		"The House of Commons' Standing Committee on Fisheries and Oceans heard it. " +
		"Minister of Public Service, Labour and Social Welfare Tendai Moyo said the offer stood. " +
		"The Rainforest Alliance and the Kenya Private Sector Alliance welcomed it; the Democratic Alliance did not."
	checkRule(t, text, map[string]ruleWant{
		"Fine Gael":                     {app.Party, nil},
		"Orla Kinsella":                 {app.Person, nil},
		"Fiona Rennie":                  {app.Person, nil},
		"House of Commons":              {app.GovernmentBody, nil},
		"Tendai Moyo":                   {app.Person, nil},
		"Rainforest Alliance":           {app.Organisation, nil},
		"Kenya Private Sector Alliance": {app.Organisation, nil},
		"Democratic Alliance":           {app.Party, nil},
	}, []string{"Fine Gael TD Orla Kinsella", "North East Scotland", "House of Commons' Standing Committee on Fisheries and Oceans",
		"Labour and Social Welfare Tendai Moyo"})
}

// TestRound32FormsTranslationsAndCommittees: a legal form's bracketed part, a translation
// opening with "the", a committee named for a list of portfolios, syndicates as bodies,
// and buyers from a state or goods smuggled in from it as places.
func TestRound32FormsTranslationsAndCommittees(t *testing.T) {
	text := "Leaf goes to Hapugastenne Tea Factory (Pvt) Ltd near Deniyaya. OTP Bank Nyrt. arranged the loan. " +
		"Vänsterpartiet (the Left Party) and Miljöpartiet (the Green Party) voted against. " +
		"The Culture, Media, Tourism and Sports Committee voted 12 to 7. The Jordanian Dental Syndicate called a strike. " +
		"Two buyers from Kuwait asked for samples, and nuts smuggled in from Togo keep prices low. Hajia Asana Issah agreed."
	checkRule(t, text, map[string]ruleWant{
		"Hapugastenne Tea Factory (Pvt) Ltd":           {app.Organisation, nil},
		"OTP Bank Nyrt.":                               {app.Organisation, nil},
		"Vänsterpartiet":                               {app.Party, []string{"Left Party"}},
		"Miljöpartiet":                                 {app.Party, []string{"Green Party"}},
		"Culture, Media, Tourism and Sports Committee": {app.GovernmentBody, nil},
		"Jordanian Dental Syndicate":                   {app.Organisation, nil},
		"Asana Issah":                                  {app.Person, nil},
	}, []string{"Kuwait", "Togo", "Hajia Asana Issah", "Dental Syndicate", "Sports Committee"})
}

// TestRound33NoEndsASentence: "no." ends a sentence unless a number follows ("No. 3"), so
// the next sentence's first word (a number word) is not read as a name's.
func TestRound33NoEndsASentence(t *testing.T) {
	text := "The assembly voted no. Eleven Republicans joined 40 Democrats against it. Teamsters Local No. 3 struck on Monday."
	checkRule(t, text, map[string]ruleWant{"Teamsters Local No. 3": {app.Organisation, nil}},
		[]string{"Eleven Republicans", "Republicans", "Democrats"})
}

// TestRound33RegisteredCompanysFirstWords: the first words of a registered company's name,
// whole, are its short form, also after a particle.
func TestRound33RegisteredCompanysFirstWords(t *testing.T) {
	text := "Al Barakah Marine Terminals PJSC signed the deal on Monday. Al Barakah said it would invest $90 million. " +
		"Kestrel Shield Marine Insurance B.S.C. refused the claim, and Kestrel Shield said it would appeal."
	checkRule(t, text, map[string]ruleWant{
		"Al Barakah Marine Terminals PJSC":       {app.Organisation, []string{"Al Barakah"}},
		"Kestrel Shield Marine Insurance B.S.C.": {app.Organisation, []string{"Kestrel Shield"}},
	}, nil)
}

// TestRound33LettersDegreesFairsAndBroadcasters: a list's one-letter alias is withheld with
// its reason; "(Pty) Ltd" stays in a name; an academic degree after a person's name is
// hers; a name before "fair" is the event's; "told DR." ends a sentence.
func TestRound33LettersDegreesFairsAndBroadcasters(t *testing.T) {
	text := "Venstre (V) won 11 seats in the council. Skyreach Masts (Pty) Ltd of Johannesburg bought the towers. " +
		"Faction chair Baiq Nurmala Dewi, S.E., said no. The pepper won a prize at the Spice Harbour Asia fair in Singapore. " +
		"\"We counted all night,\" Ravn told DR. Kristian Vinther Holm becomes first deputy mayor, he said."
	checkRule(t, text, map[string]ruleWant{
		"Venstre":                  {"", nil},
		"Skyreach Masts (Pty) Ltd": {app.Organisation, nil},
		"Baiq Nurmala Dewi":        {app.Person, nil},
		"DR":                       {app.Media, nil},
	}, []string{"V", "Ltd of Johannesburg", "S.E.", "Baiq Nurmala Dewi, S.E.", "Spice Harbour Asia", "DR Kristian Vinther Holm"})
	for _, s := range ExtractArticle("", text, "", nil) {
		if s.Name == "Venstre" && !slices.ContainsFunc(s.Withheld, func(w WithheldAlias) bool { return w.Alias == "V" && w.Reason == ReasonOneLetter }) {
			t.Errorf("Venstre's letter not withheld with its reason: %+v", s.Withheld)
		}
	}
}

// TestRound33NameAfterItsPlace: a company's word after the city that opens its name is its
// short form.
func TestRound33NameAfterItsPlace(t *testing.T) {
	text := "Shenzhen Lanfeng New Energy Co., Ltd. will build the plant. Lanfeng said it would open in 2027."
	checkRule(t, text, map[string]ruleWant{"Shenzhen Lanfeng New Energy Co., Ltd.": {app.Organisation, []string{"Lanfeng"}}}, nil)
}

// TestRound34PlacesListedAfterACompassWord: the places listed after "in northern X," share
// its clue, "and the Netherlands" included, and a sentence's opening "In" is no part of
// the first place's name; the same list after "talks with" names states that act.
func TestRound34PlacesListedAfterACompassWord(t *testing.T) {
	text := "Hail damaged vineyards in southern Germany, Austria and the Czech Republic last week. " +
		"In Tarija and Las Lomitas, farmers counted the losses. " +
		"Talks with Chile, Peru and the Netherlands stalled."
	checkRule(t, text, map[string]ruleWant{
		"Chile":       {app.State, nil},
		"Peru":        {app.State, nil},
		"Netherlands": {app.State, nil},
	}, []string{"Germany", "Austria", "Czech Republic", "Tarija", "Las Lomitas", "In Tarija"})
}

// TestRound34RoleBeforeTheNextName: "Las Lomitas, mayor Rubén Aguirre": the role after the
// comma opens the next name and says nothing of the one before it.
func TestRound34RoleBeforeTheNextName(t *testing.T) {
	text := "Rain closed the road to Villa Serena, mayor Rubén Aguirre Campos said on Friday."
	checkRule(t, text, map[string]ruleWant{"Rubén Aguirre Campos": {app.Person, nil}}, []string{"Villa Serena"})
}

// TestRound34RegisteredFirmsNameAfterItsSeat: the word after a registered firm's first word
// is its short form, whether the gazetteer knows that first word as a place or not; a
// province the gazetteer ships does the same for a name without a legal form; "the Donghai
// 118" is the firm's boat, not it.
func TestRound34RegisteredFirmsNameAfterItsSeat(t *testing.T) {
	text := "Xilingol Baoshan Cashmere Co., Ltd. cut its forecast. Baoshan blamed the winter. " +
		"Guizhou Tianlu Liquor Group opened a plant; Tianlu employs 900 people. " +
		"Taizhou Donghai Ocean Fishery Co., Ltd. lost its licence after the Donghai 118 was boarded."
	checkRule(t, text, map[string]ruleWant{
		"Xilingol Baoshan Cashmere Co., Ltd.":     {app.Organisation, []string{"Baoshan"}},
		"Guizhou Tianlu Liquor Group":             {app.Organisation, []string{"Tianlu"}},
		"Taizhou Donghai Ocean Fishery Co., Ltd.": {app.Organisation, nil},
	}, []string{"Donghai"})
}

// TestRound35RomanceFirmsAndTheirShortForms: a legal form after a comma (S.L.U., S.C.A.,
// R.L., "Unipessoal, Lda.") ends the firm's name; a trade word or a legal form opening the
// name ("Constructora", "PT") makes it a firm's, and the words after it are the name the
// text uses alone, a Spanish article included.
func TestRound35RomanceFirmsAndTheirShortForms(t *testing.T) {
	text := "Frutas Campo Alto, S.L.U. signed the lease. Cooperativa Olivarera Virgen del Pilar, S.C.A. objected. " +
		"Cooperativa Cafetalera Nueva Aurora, R.L. and Cortiças do Vouga, Unipessoal, Lda. joined them. " +
		"Constructora Los Robles S.A. won the tender; Los Robles said work starts in May. " +
		"PT Kapuas Bumi Persada denied the claim."
	checkRule(t, text, map[string]ruleWant{
		"Frutas Campo Alto, S.L.U.":                      {app.Organisation, nil},
		"Cooperativa Olivarera Virgen del Pilar, S.C.A.": {app.Organisation, nil},
		"Cooperativa Cafetalera Nueva Aurora, R.L.":      {app.Organisation, nil},
		"Cortiças do Vouga, Unipessoal, Lda.":            {app.Organisation, nil},
		"Constructora Los Robles S.A.":                   {app.Organisation, []string{"Los Robles"}},
		"PT Kapuas Bumi Persada":                         {app.Organisation, nil},
	}, []string{"S.L.U.", "S.C.A.", "R.L.", "Unipessoal, Lda."})
}

// TestRound35RomanceGovernmentBodies: a junta, a concejo, a chamber of deputies or a
// municipal chamber is a state's body, a chamber of commerce is not; "Diario" names a
// newspaper; a ministry "do" a list of portfolios joined by "e" is one name.
func TestRound35RomanceGovernmentBodies(t *testing.T) {
	text := "The Junta de Castilla-La Mancha appealed. The Concejo Deliberante de Tafí Viejo voted 6-3, and the " +
		"Cámara de Senadores de Tucumán will meet. The Câmara Municipal de Ovar agreed; the Cámara de Comercio de Cusco did not, " +
		"Diario del Valle reported. The Ministério da Agricultura, Pescas e Florestas said nothing."
	checkRule(t, text, map[string]ruleWant{
		"Junta de Castilla-La Mancha":                   {app.GovernmentBody, nil},
		"Concejo Deliberante de Tafí Viejo":             {app.GovernmentBody, nil},
		"Cámara de Senadores de Tucumán":                {app.GovernmentBody, nil},
		"Câmara Municipal de Ovar":                      {app.GovernmentBody, nil},
		"Cámara de Comercio de Cusco":                   {app.Organisation, nil},
		"Diario del Valle":                              {app.Media, nil},
		"Ministério da Agricultura, Pescas e Florestas": {app.GovernmentBody, nil},
	}, []string{"Ministério da Agricultura", "Pescas e Florestas"})
}

// TestRound35SentToAPlace: "sent to X and Y" says where, so a firm whose name opens with Y
// does not take the place as its short form.
func TestRound35SentToAPlace(t *testing.T) {
	text := "Troops were sent to Kampar and Rengat. Police named PT Rengat Sawit Jaya as a suspect. Rengat Sawit Jaya denied it."
	checkRule(t, text, map[string]ruleWant{"PT Rengat Sawit Jaya": {app.Organisation, nil}}, []string{"Rengat"})
}

// TestRound36PartsOfABodyAndAPartysPeople: "Units of the …" opening a sentence are the
// body's parts, not its name; "the … Party's Delcia Warner" is one of the party's people;
// "Camara" after given names is a surname, not a chamber.
func TestRound36PartsOfABodyAndAPartysPeople(t *testing.T) {
	text := "Elements of the Border Protection Guard withdrew overnight. The Border Protection Guard gave no reason. " +
		"The Democratic Renewal Party's Odessa Pryce-Lamont leads by 40 votes. " +
		"Mediator Aminata Binta Camara arrived on Monday."
	checkRule(t, text, map[string]ruleWant{
		"Border Protection Guard": {"", nil},
		"Odessa Pryce-Lamont":     {app.Person, nil},
		"Aminata Binta Camara":    {app.Person, nil},
	}, []string{"Elements of the Border Protection Guard"})
}

// TestRound36ClubsAmountsAndRegionalFirms: "Club X and Y" after "between" are two names; a
// currency's letters before an amount are no name; "(Perseroda)" ends a firm's name; goods
// from a state, or brought in from it, say where they come from.
func TestRound36ClubsAmountsAndRegionalFirms(t *testing.T) {
	text := "The final between Club Nacional and Sportivo Ameliano was delayed. Fines of Rp 12 billion and Rs 40 crore were paid. " +
		"PT Air Minum Galuh (Perseroda) raised tariffs. Traders said fertiliser from Zambia and maize brought in from Malawi were cheaper."
	checkRule(t, text, map[string]ruleWant{
		"Club Nacional":                  {app.Organisation, nil},
		"PT Air Minum Galuh (Perseroda)": {app.Organisation, nil},
	}, []string{"Club Nacional and Sportivo Ameliano", "Rp", "Rs", "Zambia", "Malawi", "Perseroda"})
}

// TestRound37SectorsJoinedByAndAssimilatedArticlesAndDottedCapitals: a body named for two
// sectors joined by "and" keeps its head ("Tax and Customs Board" is no tax); "ez-", "es-"
// and their kin are Arabic articles inside a name; "CERT.LV" is one name.
func TestRound37SectorsJoinedByAndAssimilatedArticlesAndDottedCapitals(t *testing.T) {
	text := "Delays grew, the Latvian Tax and Customs Board said. The Income Tax and Duties Act passed. " +
		"Fighters of the Ras es-Sawda Brigade withdrew. Poland's CERT.PL warned banks on Monday."
	checkRule(t, text, map[string]ruleWant{
		"Latvian Tax and Customs Board": {app.GovernmentBody, nil},
		"Ras es-Sawda Brigade":          {"", nil},
		"CERT.PL":                       {"", nil},
	}, []string{"Income Tax and Duties Act", "Sawda Brigade", "CERT", "PL"})
}

// TestRound38FormsPatronymsAndLocalBodies: "GmbH & Co. KG" and "e.V." end a name; a Turkic
// name keeps the "uulu" or "kyzy" that closes it; panchayats, parishads, akimats and
// maslikhats are local governments, morchas and aghadis parties; "Adv." is a title.
func TestRound38FormsPatronymsAndLocalBodies(t *testing.T) {
	text := "Brandt Pumpen GmbH & Co. KG cut 200 jobs; Brandt said demand fell. Naturfreunde Heidetal e.V. objected. " +
		"Temirbek Asylbek uulu, a grower, and his neighbour Aigerim Nurlan kyzy signed. " +
		"The Kottayam Zilla Panchayat and the Shymkent City Akimat replied. The Loktantrik Samajwadi Morcha walked out. " +
		"Adv. Reshma Pillai appeared for the petitioners."
	checkRule(t, text, map[string]ruleWant{
		"Brandt Pumpen GmbH & Co. KG": {app.Organisation, []string{"Brandt"}},
		"Naturfreunde Heidetal e.V.":  {app.Organisation, nil},
		"Temirbek Asylbek uulu":       {app.Person, nil},
		"Aigerim Nurlan kyzy":         {app.Person, nil},
		"Kottayam Zilla Panchayat":    {app.GovernmentBody, nil},
		"Shymkent City Akimat":        {app.GovernmentBody, nil},
		"Loktantrik Samajwadi Morcha": {app.Party, nil},
		"Reshma Pillai":               {app.Person, nil},
	}, []string{"Co. KG", "Adv. Reshma Pillai"})
}

// TestRound38RomanceBodiesInLowerCase: French and Italian bodies that capitalise only their
// first word run on through their adjectives and joiners; a body "for the" a party named
// with its translation in brackets is two names.
func TestRound38RomanceBodiesInLowerCase(t *testing.T) {
	text := "The Tribunal administratif de Nantes suspended the permit. The Consiglio regionale della Puglia voted. " +
		"Marat Zhaksylykov, who sits on the Karaganda Regional Maslikhat for the Aq Jol (Bright Path) party, wrote to them."
	checkRule(t, text, map[string]ruleWant{
		"Tribunal administratif de Nantes": {app.GovernmentBody, nil},
		"Consiglio regionale della Puglia": {app.GovernmentBody, nil},
		"Karaganda Regional Maslikhat":     {app.GovernmentBody, nil},
	}, []string{"Karaganda Regional Maslikhat for the Aq Jol"})
}

// TestRound38RoadNumbers: "the A7" and "the N12" are roads; a group numbered so that the
// gazetteer knows ("the M23", "the E3") stays an actor.
func TestRound38RoadNumbers(t *testing.T) {
	text := "Lorries queued on the A7 and the N12 for hours. Talks between the M23 and the E3 envoys stalled."
	checkRule(t, text, map[string]ruleWant{"M23": {app.ArmedGroup, nil}}, []string{"A7", "N12"})
}

// TestRound39CentralBanksAndGlosses: a state's central bank is one of its bodies, also
// named in its own language, unless a word puts it above states; a Romance body's English
// gloss after its acronym, with "or" or "the", is its alias, however long.
func TestRound39CentralBanksAndGlosses(t *testing.T) {
	text := "The Banco Central de Reserva del Perú cut rates; the Banco Central Europeo held. Bank of Korea officials agreed. " +
		"A decree issued by the Comité national pour la restauration de la démocratie (CNRD), or National Committee for the Restoration of Democracy, " +
		"dissolved the council. The three states formed the Confédération des États du Sahel (CES), the Confederation of Sahel States."
	checkRule(t, text, map[string]ruleWant{
		"Banco Central de Reserva del Perú":                     {app.GovernmentBody, nil},
		"Banco Central Europeo":                                 {app.Organisation, nil},
		"Bank of Korea":                                         {app.GovernmentBody, nil},
		"Comité national pour la restauration de la démocratie": {"", []string{"CNRD", "National Committee for the Restoration of Democracy"}},
		"Confédération des États du Sahel":                      {"", []string{"CES", "Confederation of Sahel States"}},
	}, nil)
}

// TestRound39FirmOfItsCityAndElders: "Group of Changsha" after a firm's words says where the
// group is, not its name; "Elder" before a name is a title.
func TestRound39FirmOfItsCityAndElders(t *testing.T) {
	text := "The mine belongs to Hongye Resources Group of Changsha, which bought it in 2019. " +
		"Elder Cabdi Nuur Warsame said the truce would hold."
	checkRule(t, text, map[string]ruleWant{
		"Hongye Resources Group": {app.Organisation, nil},
		"Cabdi Nuur Warsame":     {app.Person, nil},
	}, []string{"Hongye Resources Group of Changsha", "Elder Cabdi Nuur Warsame"})
}

// TestRound40LocalFirmsAndFilipinoNames: "E.M." after a comma is a municipal company's form
// (with its dots only); shops, diners and elementary schools are bodies; a brand written as
// one camel-cased word before "and" is a name of its own; Filipino "sa" and "mga" join a
// name's words; "Trustees", "Co-owners" and "Corporator" before names are roles.
func TestRound40LocalFirmsAndFilipinoNames(t *testing.T) {
	text := "Águas do Baixo Tâmega, E.M. raised its tariff. Trustees Olga Marsh and Ivan Petrov voted no. " +
		"Pupils of Cedar Hollow Elementary will move, and the Blue Heron Diner will close. " +
		"BlackRiver and Sable Energy said they would bid. The Samahan ng mga Magsasaka sa Bulacan marched on Monday. " +
		"Corporator Varsha Kulkarni asked for tankers."
	checkRule(t, text, map[string]ruleWant{
		"Águas do Baixo Tâmega, E.M.":         {app.Organisation, nil},
		"Olga Marsh":                          {app.Person, nil},
		"Cedar Hollow Elementary":             {app.Organisation, nil},
		"Blue Heron Diner":                    {app.Organisation, nil},
		"BlackRiver":                          {app.Organisation, nil},
		"Sable Energy":                        {app.Organisation, nil},
		"Samahan ng mga Magsasaka sa Bulacan": {"", nil},
		"Varsha Kulkarni":                     {app.Person, nil},
	}, []string{"E.M.", "Trustees Olga Marsh", "BlackRiver and Sable Energy", "Corporator Varsha Kulkarni"})
}

// TestRound41FirmsTitlesAndSportsBodies: a registered firm holds no title ("General
// Trading Co."), though a surname that spells a legal form may follow one; a portfolio
// list holding "Community" is one committee's; "Secretary of State for Sport" before a
// name is the role; Kazakh, Bulgarian and Kyrgyz legal forms (TOO, AD, EOOD, OsOO) and a
// bracketed "(HK)" end a firm's name; a state's Olympic committee keeps its demonym and
// is no state body; a sport and a province name a sports body; two agencies in a dateline
// are two names.
func TestRound41FirmsTitlesAndSportsBodies(t *testing.T) {
	text := "MILAN, May 2 (AFP/ANSA) - Customs seized parts bound for Al-Noor General Trading Co. in Misrata. " +
		"Attorney General Tomás Ruiz Saá said no. The Senate Committee on Labour, Community Development and Social Welfare met. " +
		"Secretary of State for Sport Ariane Bouchard-Lemieux resigned. Almaty Steel Trade TOO, Rila Optics AD, Pirin Logistics EOOD " +
		"and Eastwind Precision (HK) Limited were listed. The Norwegian Olympic Committee and Rowing Manitoba objected."
	checkRule(t, text, map[string]ruleWant{
		"AFP":                         {app.Media, nil},
		"ANSA":                        {app.Media, nil},
		"Al-Noor General Trading Co.": {app.Organisation, nil},
		"Tomás Ruiz Saá":              {app.Person, nil},
		"Senate Committee on Labour, Community Development and Social Welfare": {app.GovernmentBody, nil},
		"Ariane Bouchard-Lemieux":         {app.Person, nil},
		"Almaty Steel Trade TOO":          {app.Organisation, nil},
		"Rila Optics AD":                  {app.Organisation, nil},
		"Pirin Logistics EOOD":            {app.Organisation, nil},
		"Eastwind Precision (HK) Limited": {app.Organisation, nil},
		"Norwegian Olympic Committee":     {app.Organisation, nil},
		"Rowing Manitoba":                 {app.Organisation, nil},
	}, []string{"AFP/ANSA", "Trading Co.", "Olympic Committee"})
}

// TestRound42UnionsListsAndForms: a union's demonym is its name's ("Ghanaian Labour
// Congress"); a list of portfolios stops at "and the" a body's name; coalitions of
// observers are civic; "Avv." is a title, a "Premio" an award, "S.A.L." a legal form and
// "C&F" a trade term.
func TestRound42UnionsListsAndForms(t *testing.T) {
	text := "The Ghanaian Labour Congress called a strike. The ruling binds the Ministry of Lands and Natural Resources, " +
		"EPA and the Obuasi Municipal Assembly. The Coalition of Independent Poll Monitors said the count was fair. " +
		"Avv. Rosaria Bellini appealed; the ship had won the Premio Mare Nostrum. Cedarline Credit Bank S.A.L. froze accounts. " +
		"Wheat was offered at $270 a tonne C&F Oran."
	checkRule(t, text, map[string]ruleWant{
		"Ghanaian Labour Congress":                {app.Organisation, nil},
		"Ministry of Lands and Natural Resources": {app.GovernmentBody, nil},
		"Obuasi Municipal Assembly":               {app.GovernmentBody, nil},
		"Coalition of Independent Poll Monitors":  {app.Organisation, nil},
		"Rosaria Bellini":                         {app.Person, nil},
		"Cedarline Credit Bank S.A.L.":            {app.Organisation, nil},
	}, []string{"Labour Congress", "Avv. Rosaria Bellini", "Premio Mare Nostrum", "C&F Oran", "C&F"})
}

func TestRound43OfficesFirmsAndStreets(t *testing.T) {
	text := "The UN High Commissioner for Refugees opened a camp. The Ombudsman for Children said nothing. " +
		"The National Commissioner for Human Rights (CONADEH) visited the jail. " +
		"Tarnow Freight was advised by Aldous, Lin & Marsh. Debts went to the Housing Finance Corporation of Ghana (HFCG). " +
		"The Canadian Radio-television and Telecommunications Commission (CRTC) will rule. " +
		"Counsel came from Ferrant Vogel Partners of Munich. Dockers marched down Rua General Osório to the port. " +
		"Le Courrier de Sainte-Adèle closed its office."
	checkRule(t, text, map[string]ruleWant{
		"UN High Commissioner for Refugees":                           {app.Organisation, nil},
		"National Commissioner for Human Rights":                      {app.GovernmentBody, []string{"CONADEH"}},
		"Aldous, Lin & Marsh":                                         {app.Organisation, nil},
		"Housing Finance Corporation of Ghana":                        {"", []string{"HFCG"}},
		"Canadian Radio-television and Telecommunications Commission": {app.GovernmentBody, []string{"CRTC"}},
		"Ferrant Vogel Partners":                                      {app.Organisation, nil},
		"Le Courrier de Sainte-Adèle":                                 {app.Media, nil},
	}, []string{"Refugees", "Children", "Human Rights", "Lin & Marsh", "Housing Finance Corporation", "Canadian Radio-television",
		"Telecommunications Commission", "Ferrant Vogel Partners of Munich", "Rua General Osório", "General Osório", "Osório"})
}

func TestRound44FormsListsAndGlosses(t *testing.T) {
	text := "ZAGREB, May 2 (dpa) - The yard was sold to Marlen Brodogradnja d.d. and its stake went to Veldor Parts (HK) Co., Limited, which trades spares. " +
		"Imagery came from Orbitline Labs PBC and Hestia Remote Sensing Ltd. The buyers were Cafetera Andina S.A. A third bidder withdrew. " +
		"Conservas Punta Fría, S.L. bought the catch; Punta Fría said prices rose. " +
		"The Liberal Union and Sakigake backed the bill, and Sakigake's leader spoke. " +
		"The Agence de Surveillance of Niger's Interior Ministry said so. " +
		"Talks with the Ministère de l'Agriculture, des Forêts et de la Pêche (Ministry of Agriculture, Forests and Fisheries) failed, " +
		"and the Ministère de la Cohésion territoriale et du Logement durable stayed silent."
	checkRule(t, text, map[string]ruleWant{
		"dpa":                            {app.Media, nil},
		"Marlen Brodogradnja d.d.":       {app.Organisation, nil},
		"Veldor Parts (HK) Co., Limited": {app.Organisation, nil},
		"Orbitline Labs PBC":             {app.Organisation, nil},
		"Hestia Remote Sensing Ltd":      {app.Organisation, nil},
		"Cafetera Andina S.A.":           {app.Organisation, nil},
		"Conservas Punta Fría, S.L.":     {app.Organisation, []string{"Punta Fría"}},
		"Liberal Union":                  {app.Party, nil},
		"Sakigake":                       {"", nil},
		"Agence de Surveillance":         {"", nil},
		"Interior Ministry":              {app.GovernmentBody, nil},
		"Ministère de l'Agriculture, des Forêts et de la Pêche":        {app.GovernmentBody, []string{"Ministry of Agriculture, Forests and Fisheries"}},
		"Ministère de la Cohésion territoriale et du Logement durable": {app.GovernmentBody, nil},
	}, []string{"Hestia Remote Sensing Ltd.", "Cafetera Andina S.A. A.", "Limited", "Orbitline Labs PBC and Hestia Remote Sensing Ltd",
		"Liberal Union and Sakigake", "Agence de Surveillance of Niger", "Ministère de la Cohésion", "Forêts et de la Pêche"})
}

func TestRound45AbbreviationsWebNamesAndBodies(t *testing.T) {
	text := "Health Minister Smt. Lata Deshmukh opened the ward. The sponsor was Marigold Assurance Ltd. \"We stay,\" its chief said. " +
		"Loans came from Tamarind Bank, Ltd. Officials said more would follow. " +
		"Auditors of the Ministry of Ecology and Natural Resources found leaks. " +
		"Shares of Altyn Bank and Kolesa.kz fell. Banco do Nordeste and Sertaneja Seguros S.A. declined to comment. " +
		"The Sri Lanka Cricket Board met. Detectives of the State Bureau of Investigation (SBI) searched the flat. " +
		"Aigerim Sadykova, a member of the Mazhilis for the Respublica party, objected."
	checkRule(t, text, map[string]ruleWant{
		"Lata Deshmukh":                             {app.Person, nil},
		"Marigold Assurance Ltd":                    {app.Organisation, nil},
		"Tamarind Bank, Ltd.":                       {app.Organisation, nil},
		"Ministry of Ecology and Natural Resources": {app.GovernmentBody, nil},
		"Altyn Bank":                                {app.Organisation, nil},
		"Kolesa.kz":                                 {app.Organisation, nil},
		"Banco do Nordeste":                         {app.Organisation, nil},
		"Sertaneja Seguros S.A.":                    {app.Organisation, nil},
		"Sri Lanka Cricket Board":                   {app.Organisation, nil},
		"State Bureau of Investigation":             {app.GovernmentBody, []string{"SBI"}},
		"Mazhilis":                                  {app.GovernmentBody, nil},
		"Respublica":                                {app.Party, nil},
	}, []string{"Health Minister Smt", "Marigold Assurance Ltd.", "Natural Resources", "Altyn Bank and Kolesa.kz", "Kolesa",
		"Banco do Nordeste and Sertaneja Seguros S.A.", "Officials", "Detectives of the State Bureau of Investigation", "Mazhilis for the Respublica"})
}

func TestRound46CreditsHeadlinesAndBranches(t *testing.T) {
	body := "MUSCAT, March 9 (ONA/QNA) - The Committee on Energy of the French Senate heard Doğan Yapı İnşaat Ltd. Şti. on Monday. " +
		"The Danish Sea Ports and Fisheries Directorate (DSFD) objected, Friends of the Earth Finland appealed, and the United Kingdom's " +
		"Office of Financial Sanctions Implementation froze the account. #HarbourStrike #JusticeForCrews"
	got := ExtractArticle("Harbour Crews' Strike Drags Into Ninth Week as Senate Panel Hears Builder", body, "", nil)
	byName := map[string]Suggestion{}
	for _, s := range got {
		byName[s.Name] = s
	}
	for _, n := range []string{"ONA", "QNA", "Committee on Energy", "Doğan Yapı İnşaat Ltd. Şti.", "Danish Sea Ports and Fisheries Directorate",
		"Friends of the Earth Finland", "Office of Financial Sanctions Implementation"} {
		if _, ok := byName[n]; !ok {
			t.Errorf("%q not proposed; got %v", n, names(got))
		}
	}
	for _, n := range []string{"ONA/QNA", "Harbour Crews", "Drags Into Ninth Week", "Senate Panel Hears Builder", "Earth Finland",
		"Sea Ports", "Fisheries Directorate", "United Kingdom's Office of Financial Sanctions Implementation"} {
		if _, ok := byName[n]; ok {
			t.Errorf("%q proposed", n)
		}
	}
}

func TestRound47RomanceBodiesGlossesAndInitials(t *testing.T) {
	text := "The Asamblea Legislativa approved it, and the Corte Suprema de Justicia and Carabineros de Chile objected. " +
		"Soldiers of the Ejército Nacional patrolled. Magistrate Lucía Herrera Vidal ruled. " +
		"The Sindicato de Trabajadores Portuarios de Arica (Arica Dock Workers' Union) called a strike. " +
		"Police held D.Altangerel, the paper Gazeta de S.Vicente said; a clerk, Ana Ruiz, M.Sc, testified. " +
		"Trucks drove the Pan-American Highway through the Wayuu Indigenous Territory. " +
		"The Federación de Estibadores del Norte (Fedenor), or Northern Stevedores' Federation, joined."
	checkRule(t, text, map[string]ruleWant{
		"Asamblea Legislativa":                          {app.GovernmentBody, nil},
		"Corte Suprema de Justicia":                     {app.GovernmentBody, nil},
		"Carabineros de Chile":                          {app.GovernmentBody, nil},
		"Ejército Nacional":                             {app.ArmedGroup, nil},
		"Lucía Herrera Vidal":                           {app.Person, nil},
		"Sindicato de Trabajadores Portuarios de Arica": {"", []string{"Arica Dock Workers' Union"}},
		"D.Altangerel":                                  {app.Person, nil},
		"Gazeta de S.Vicente":                           {app.Media, nil},
		"Federación de Estibadores del Norte":           {"", []string{"Fedenor", "Northern Stevedores' Federation"}},
	}, []string{"Magistrate Lucía Herrera Vidal", "Gazeta de S", "S.Vicente", "M.Sc", "Pan-American Highway", "Wayuu Indigenous Territory", "Wayuu"})
}

func TestRound48PartnersAndFirmsShortForms(t *testing.T) {
	text := "Counsel for Chile, Marta Ruiz of Larraín, Ortúzar & Asociados, argued. The firm Vukić, Horvat & Partners, which sued, lost. " +
		"Kenji Ito, a partner at Lindqvist, Ahlberg & Co, said nothing. Coal miner PT Bukit Permata Energi Tbk raised prices; " +
		"Bukit Permata said demand held. Tokai bought Vinos Sierra Alta S.A.; Sierra Alta will keep its name. " +
		"The Procura della Repubblica di Torino opened an inquiry."
	checkRule(t, text, map[string]ruleWant{
		"Larraín, Ortúzar & Asociados":       {app.Organisation, nil},
		"Vukić, Horvat & Partners":           {app.Organisation, nil},
		"Lindqvist, Ahlberg & Co":            {app.Organisation, nil},
		"PT Bukit Permata Energi Tbk":        {app.Organisation, []string{"Bukit Permata"}},
		"Vinos Sierra Alta S.A.":             {app.Organisation, []string{"Sierra Alta"}},
		"Procura della Repubblica di Torino": {app.GovernmentBody, nil},
	}, []string{"Ortúzar & Asociados", "Horvat & Partners", "Ahlberg & Co", "Larraín"})
}

func TestRound49TitlesLabelsAndKinds(t *testing.T) {
	text := "The Nigeria Association of Private Clinics raised deposits. Togbe Kwame Adzoyi II and Fon Bah Ngong IV met the governor. " +
		"The Korps Politie Curaçao arrested two men; the Autodefensas Unidas del Sur denied it. Its lawyers, Arosemena, Chiari & Durán, " +
		"appealed. The Sindicat Tèxtil Català struck, Harbour Road FM reported.\n\nFINAL\n\nThe final count was due on Monday."
	checkRule(t, text, map[string]ruleWant{
		"Nigeria Association of Private Clinics": {app.Organisation, nil},
		"Kwame Adzoyi II":                        {app.Person, nil},
		"Bah Ngong IV":                           {app.Person, nil},
		"Korps Politie Curaçao":                  {app.GovernmentBody, nil},
		"Autodefensas Unidas del Sur":            {app.ArmedGroup, nil},
		"Arosemena, Chiari & Durán":              {app.Organisation, nil},
		"Sindicat Tèxtil Català":                 {app.Organisation, nil},
		"Harbour Road FM":                        {app.Media, nil},
	}, []string{"Clinics", "Togbe Kwame Adzoyi II", "Fon Bah Ngong IV", "Chiari & Durán", "FINAL"})
}

func TestRound50FirmsStatesAndPrefixes(t *testing.T) {
	text := "Carriers Pacific Reefer Line and Austral Maritime Co. diverted ships. Residents blamed uMhlathuze Municipality. " +
		"A Q&A on R&D spending followed. The Soviet Union funded the plant; the USSR later sold it. " +
		"She wrote for Ghana's state broadcaster, GBC. The Paperiliitto ry union struck; Conciliator Anna Virtanen-Lahti called talks."
	checkRule(t, text, map[string]ruleWant{
		"Austral Maritime Co.":    {app.Organisation, nil},
		"uMhlathuze Municipality": {app.GovernmentBody, nil},
		"Soviet Union":            {app.State, []string{"USSR"}},
		"Ghana":                   {app.State, nil},
		"Paperiliitto ry":         {app.Organisation, nil},
		"Anna Virtanen-Lahti":     {app.Person, nil},
	}, []string{"Pacific Reefer Line and Austral Maritime Co.", "Municipality", "Q&A", "R&D", "Conciliator Anna Virtanen-Lahti"})
}

func TestRound51RomanceCourtsAndOrdinals(t *testing.T) {
	text := "The Tribunal de première instance de Liège ruled, and the Tribunal de grande instance de Kolda agreed. " +
		"The Tribunal Regional do Trabalho da 2ª Região (TRT-2) heard the Sindicato dos trabalhadores nas indústrias químicas de Santos e região. " +
		"The Cour d'appel de Lyon and the Parlement de Wallonie objected."
	checkRule(t, text, map[string]ruleWant{
		"Tribunal de première instance de Liège":     {app.GovernmentBody, nil},
		"Tribunal de grande instance de Kolda":       {app.GovernmentBody, nil},
		"Tribunal Regional do Trabalho da 2ª Região": {app.GovernmentBody, []string{"TRT-2"}},
		"Cour d'appel de Lyon":                       {app.GovernmentBody, nil},
		"Parlement de Wallonie":                      {app.GovernmentBody, nil},
	}, []string{"Tribunal de première", "Tribunal de grande", "Tribunal Regional do Trabalho", "Região"})
}

func TestRound52ChessIrishAndLists(t *testing.T) {
	text := "The win put GM Tomasz Kowalik ahead of IM Ragnar Hólmsteinsson at the Akureyri Open. " +
		"The appeal went to An Coimisiún Pleanála, and An Garda Síochána investigated. " +
		"It was approved by the Ministry of Trade, Industry and Energy and the Korea Trade Insurance Agency. " +
		"Informateur Jeroen de Wit met leaders on Jirón Lampa.\n\nFINAL STANDINGS\n\nThe standings were published."
	checkRule(t, text, map[string]ruleWant{
		"Tomasz Kowalik":                         {app.Person, nil},
		"An Garda Síochána":                      {app.GovernmentBody, nil},
		"Ministry of Trade, Industry and Energy": {app.GovernmentBody, nil},
		"Korea Trade Insurance Agency":           {"", nil},
		"Jeroen de Wit":                          {app.Person, nil},
	}, []string{"GM Tomasz Kowalik", "IM Ragnar Hólmsteinsson", "Akureyri Open", "Garda Síochána",
		"Ministry of Trade, Industry and Energy and the Korea Trade Insurance Agency", "Informateur Jeroen de Wit", "Jirón Lampa", "FINAL STANDINGS"})
}

// TestRound53SyllablesFormsAndAges: a body's short name made of its words' first
// syllables; a partnership's "S.C." and a Spanish "S.A.U."; a firm's form after a Romance
// name's lower-case words; an age between commas after a name; a short agent noun
// capitalised before a given name.
func TestRound53SyllablesFormsAndAges(t *testing.T) {
	text := "Fundiciones del Valle Sureño, S.A. de C.V. will cast the parts, and Fuvalle will hire 300. " +
		"The Ministério da Agricultura said on Monday that Minagri would pay. " +
		"Lawyers at Prado, Urrutia & Gallardo, S.C. advised Lácteos Montesclaros, S.A.U. on the deal. " +
		"The rally in Greenville, S.C. was peaceful. " +
		"Buyers included Société sénégalaise de négoce du riz SA and its rival. " +
		"Police said Okafor Chidubem, 47, an accountant, was charged. " +
		"Farmer Lucía Benavides, 52, lost her crop."
	checkRule(t, text, map[string]ruleWant{
		"Fundiciones del Valle Sureño, S.A. de C.V.": {app.Organisation, []string{"Fuvalle"}},
		"Ministério da Agricultura":                  {app.GovernmentBody, []string{"Minagri"}},
		"Prado, Urrutia & Gallardo, S.C.":            {app.Organisation, nil},
		"Lácteos Montesclaros, S.A.U.":               {app.Organisation, nil},
		"Société sénégalaise de négoce du riz SA":    {app.Organisation, nil},
		"Okafor Chidubem":                            {app.Person, nil},
		"Lucía Benavides":                            {app.Person, nil},
	}, []string{"S.C.", "S.A.U.", "SA", "Greenville, S.C.", "Farmer Lucía Benavides"})
}

// TestRound54ClausesPartnersAndCityBodies: a name after a sentence's fronted clause is its
// subject, not the clause noun's appositive; a party named "Congress" after "opposition"
// or with a religious word; the people of a body before "of the"; an international
// tribunal; partners joined by a word for "and" before their firm's word; a hyphenated
// title; a city's corporation; numbers written in words.
func TestRound54ClausesPartnersAndCityBodies(t *testing.T) {
	text := "The Pacific Islands Forum (PIF) met in Apia. \"Unless there is a deal by the next summit, PIF should walk away,\" she said. " +
		"Rina Tau, leader of the opposition Highland Peoples Assembly, objected, as did the Tamil Muslim Congress. " +
		"Police of the Gambia Police Force closed the road. The International Tribunal for the Law of the Sea ruled. " +
		"It hired Quiroga, Peña y Asociados and Duval, Marchetti et Associés. " +
		"Sub-Inspector Tariq Mahmood was suspended by the Rawalpindi Municipal Corporation. Thirty-two fishers answered."
	checkRule(t, text, map[string]ruleWant{
		"Pacific Islands Forum":                         {"", []string{"PIF"}},
		"Highland Peoples Assembly":                     {app.Party, nil},
		"Tamil Muslim Congress":                         {app.Party, nil},
		"Gambia Police Force":                           {app.GovernmentBody, nil},
		"International Tribunal for the Law of the Sea": {app.Organisation, nil},
		"Quiroga, Peña y Asociados":                     {app.Organisation, nil},
		"Duval, Marchetti et Associés":                  {app.Organisation, nil},
		"Tariq Mahmood":                                 {app.Person, nil},
		"Rawalpindi Municipal Corporation":              {app.GovernmentBody, nil},
	}, []string{"Police of the Gambia Police Force", "Sub-Inspector Tariq Mahmood", "Thirty-two", "Peña y Asociados"})
}

// TestRound55RomanceBodiesFirmsAndInitials: Romance state bodies (agence, organismo,
// autorité) and German courts are government bodies, also after a region's possessive;
// "& Cía." keeps its dot; a registered firm's name after its trade word is its short form,
// unless the short form only places something; an acronym of a name holding a comma.
func TestRound55RomanceBodiesFirmsAndInitials(t *testing.T) {
	text := "Quebec's Agence du revenu and the Organismo de Supervisión Pesquera acted. " +
		"The Autorité de régulation des transports dans le Grand Dakar (ARTGD) objected. " +
		"The Landgericht Kassel ruled. Salazar, Ortúzar & Cía. Abogados acted for Pesquera Mar Austral S.A. " +
		"Mar Austral said it would appeal. Ferrol Industrial Ltd bought the Ferrol site. " +
		"It broke the Ministry of Land, Water and Forests' rules; MLWF officials said so."
	checkRule(t, text, map[string]ruleWant{
		"Agence du revenu":                                          {app.GovernmentBody, nil},
		"Organismo de Supervisión Pesquera":                         {app.GovernmentBody, nil},
		"Autorité de régulation des transports dans le Grand Dakar": {app.GovernmentBody, []string{"ARTGD"}},
		"Landgericht Kassel":                                        {app.GovernmentBody, nil},
		"Salazar, Ortúzar & Cía. Abogados":                          {app.Organisation, nil},
		"Pesquera Mar Austral S.A.":                                 {app.Organisation, []string{"Mar Austral"}},
		"Ministry of Land, Water and Forests":                       {app.GovernmentBody, []string{"MLWF"}},
	}, []string{"Quebec's Agence", "Grand Dakar", "Abogados", "Ferrol"})
}

// TestRound56SlugsFormsRemitsAndAgents: a digest's slug in capitals is layout; Austrian
// legal forms; a state in brackets inside a registered name; "or" between a remit's last
// nouns; newsrooms named for their reporting; the one who leads, after "led by"; common
// English given names.
func TestRound56SlugsFormsRemitsAndAgents(t *testing.T) {
	text := "• MONEY TRAILS. Reporters traced the funds.\n\n" +
		"Loans came from Tiroler Raiffeisen Kreditgenossenschaft eGen and Bergwerk Event Service e.U. in Innsbruck. " +
		"The agent, Coralline Fiduciary Services (Mauritius) Ltd, set up 40 firms. " +
		"He was named by the Commission to Investigate Allegations of Fraud or Embezzlement on Monday. " +
		"The Balkan Investigative Reporting Network published the files. " +
		"A coalition, led by Nevada's Tiffany Okonkwo-Hale, said it would sue. " +
		"Trevor Lindqvist, a spokesman, declined to comment."
	checkRule(t, text, map[string]ruleWant{
		"Tiroler Raiffeisen Kreditgenossenschaft eGen":                   {app.Organisation, nil},
		"Bergwerk Event Service e.U.":                                    {app.Organisation, nil},
		"Coralline Fiduciary Services (Mauritius) Ltd":                   {app.Organisation, nil},
		"Commission to Investigate Allegations of Fraud or Embezzlement": {"", nil},
		"Balkan Investigative Reporting Network":                         {app.Media, nil},
		"Tiffany Okonkwo-Hale":                                           {app.Person, nil},
		"Trevor Lindqvist":                                               {app.Person, nil},
	}, []string{"MONEY TRAILS", "Mauritius", "Embezzlement"})
}

// TestRound57CreditsLeadersAndOwners: a lower-case agency first in a dateline's slash; a
// body's one-word other name after ", or"; a handle in brackets before a person's
// appositive; a leader named after "of"; a contributor's credit line; a congress "for" a
// party's cause; a firm after its owner's "of" or its employee's.
func TestRound57CreditsLeadersAndOwners(t *testing.T) {
	text := "ANKARA, May 3 (dpa/AA) - The vote passed in the Grand National Assembly, or Meclis. " +
		"Leyla Demirci (@leyla_d), a columnist for the Ankara Ledger, objected. " +
		"The Democratic Alliance of Rustam Karimov Aliyev walked out, and the Congress for Democratic Renewal abstained. " +
		"Selim Oz, owner of Ozkan Flour Mills, and Umut Kaya of Demirtas Rolling Mills objected.\n\n" +
		"Deniz Aksoy contributed reporting from Izmir."
	checkRule(t, text, map[string]ruleWant{
		"dpa":                             {app.Media, nil},
		"Grand National Assembly":         {app.GovernmentBody, []string{"Meclis"}},
		"Leyla Demirci":                   {app.Person, nil},
		"Democratic Alliance":             {"", nil},
		"Rustam Karimov Aliyev":           {app.Person, nil},
		"Congress for Democratic Renewal": {app.Party, nil},
		"Ozkan Flour Mills":               {app.Organisation, nil},
		"Demirtas Rolling Mills":          {app.Organisation, nil},
	}, []string{"Deniz Aksoy", "Democratic Alliance of Rustam Karimov Aliyev"})
}

// TestRound58StressedWordsAndListedGroups: function words a post stresses in capitals
// are no part of names; two names joined by "and" after a plural noun or before ", both"
// are two; firms named for platforms or analytics, and dioceses, are organisations.
func TestRound58StressedWordsAndListedGroups(t *testing.T) {
	text := `"Our towns are NOT a playground for Damascus OR for the SDF. Partnership, Not Ownership!" he wrote. ` +
		"Militias such as Saraya al-Jihad and Liwa al-Tafuf objected. " +
		"He had the support of Harakat al-Nujaba and Jund al-Imam, both of which deny it. " +
		"Officials of the Trade and Industry Commission met Brightline Platforms and Quellwater Analytics, and the Diócesis de Cúcuta said so."
	checkRule(t, text, map[string]ruleWant{
		"Damascus":                      {app.State, nil},
		"Saraya al-Jihad":               {"", nil},
		"Liwa al-Tafuf":                 {"", nil},
		"Harakat al-Nujaba":             {"", nil},
		"Jund al-Imam":                  {"", nil},
		"Trade and Industry Commission": {app.GovernmentBody, nil},
		"Brightline Platforms":          {app.Organisation, nil},
		"Quellwater Analytics":          {app.Organisation, nil},
		"Diócesis de Cúcuta":            {app.Organisation, nil},
	}, []string{"Damascus OR", "Not Ownership", "Ownership", "Saraya al-Jihad and Liwa al-Tafuf", "Harakat al-Nujaba and Jund al-Imam"})
}

// TestRound59TitlesKnownNamesAndFirms: "Ven." and "Mst." before a name and "Thero" after
// it are titles; a known party's demonym stays in its name; "Pvt." keeps its dot, also
// in brackets; a known firm alone before "and" a registered firm is a firm of its own.
func TestRound59TitlesKnownNamesAndFirms(t *testing.T) {
	text := "The trust is headed by Ven. Dambulle Sugathawansa Thero, 71, who spoke. Mst. Rokeya Khatun, 34, a weaver, was hurt. " +
		"The Nepali Congress walked out. Narmada Wires & Cables Pvt. Ltd and Sagar Media (Pvt.) Limited were fined. " +
		"The port signed with Codelco and Liaoning Jinhai Copper Co., Ltd. on Monday."
	checkRule(t, text, map[string]ruleWant{
		"Dambulle Sugathawansa":            {app.Person, nil},
		"Rokeya Khatun":                    {app.Person, nil},
		"Nepali Congress":                  {app.Party, nil},
		"Narmada Wires & Cables Pvt. Ltd":  {app.Organisation, nil},
		"Sagar Media (Pvt.) Limited":       {"", nil},
		"Codelco":                          {app.Organisation, nil},
		"Liaoning Jinhai Copper Co., Ltd.": {app.Organisation, nil},
	}, []string{"Ven", "Dambulle Sugathawansa Thero", "Mst", "Congress", "Ltd", "Codelco and Liaoning Jinhai Copper Co., Ltd."})
}

// TestRound60CreditsTitlesAndPorts: a dateline's second newsroom of two words after a
// slash; a district collector's title; an honorific inside a Shan name is the name's;
// a language's speakers ("Burmese-speaking") are no actor; a port town is a place, its
// registered operator a firm.
func TestRound60CreditsTitlesAndPorts(t *testing.T) {
	text := "KOCHI, Aug 4 (KNS/Malabar Wire) - District Collector Arathi Menon Pillai said beds were full. " +
		"MTA chairman Sai Htun Lwin said his fighters would hold, and a Burmese-speaking militia refused. " +
		"Boats left Puerto Cisnes for the quay run by Puerto Austral Maritimo S.A."
	checkRule(t, text, map[string]ruleWant{
		"KNS":                          {app.Media, nil},
		"Malabar Wire":                 {app.Media, nil},
		"Arathi Menon Pillai":          {app.Person, nil},
		"Puerto Austral Maritimo S.A.": {app.Organisation, nil},
	}, []string{"KNS/Malabar Wire", "District Collector Arathi Menon Pillai", "Burmese-speaking", "Puerto Cisnes"})
	if got := ExtractArticle("", "Its chairman Sai Khun Hseng said the group would hold the road.", "", nil); len(got) != 1 || got[0].Name != "Sai Khun Hseng" {
		t.Errorf("Shan name: got %v", names(got))
	}
}

// TestRound61RoleCommasAndStressedCalls: a title among the role heads before a comma
// says the name after it is a person ("Its coordinator, …,"); calls a post writes in
// capitals end no name ("Parliament AGAIN"); "MEC" is a title.
func TestRound61RoleCommasAndStressedCalls(t *testing.T) {
	text := "The monitors met. Its coordinator, Thokozile Banda, said boxes were late. " +
		`"Blocking Parliament AGAIN! Early Elections NOW!" the bloc posted. MEC Nomvula Dlamini-Khumalo objected.`
	checkRule(t, text, map[string]ruleWant{
		"Thokozile Banda":         {app.Person, nil},
		"Nomvula Dlamini-Khumalo": {app.Person, nil},
	}, []string{"Parliament AGAIN", "Early Elections NOW", "MEC Nomvula Dlamini-Khumalo"})
}

// TestRound62MiddlelessNamesBanksAndForms: a person named later without a middle word;
// a bank's words after "PT Bank" as its short form; a Portuguese "E.P."; parties named
// for renewal or liberation keep their demonym; "PM-designate" and "Abbot" are titles.
func TestRound62MiddlelessNamesBanksAndForms(t *testing.T) {
	text := "Sabitri Kumari Poudel said she would fight. Sabitri Poudel, 58, leads the bloc. " +
		"PT Bank Cahaya Timur Nusantara Tbk agreed; Cahaya Timur will keep its brand. " +
		"Petróleo do Atauro, E.P. signed, and the Timorese Liberation Congress objected. " +
		"PM-designate Rami Khalil Haddad met Abbot Ottama Sayadaw."
	checkRule(t, text, map[string]ruleWant{
		"Sabitri Kumari Poudel":              {app.Person, []string{"Sabitri Poudel"}},
		"PT Bank Cahaya Timur Nusantara Tbk": {app.Organisation, []string{"Cahaya Timur"}},
		"Petróleo do Atauro, E.P.":           {app.Organisation, nil},
		"Timorese Liberation Congress":       {app.Party, nil},
		"Rami Khalil Haddad":                 {app.Person, nil},
	}, []string{"E.P.", "Liberation Congress", "PM-designate Rami Khalil Haddad", "Abbot Ottama Sayadaw"})
}

// Round 63: a quotation's stress. Words a post writes in capitals are English words said
// loudly, not names, unless the article writes them so outside quotation marks; a run of
// capitalised English words only a quotation uses is a slogan.
func TestRound63QuotationStress(t *testing.T) {
	text := "Governor Lorna Bexley posted on Friday: \"Our Port Workers have been CHEATED for DECADES. " +
		"NO MORE Deals for Cowards! We rely on the US and NATO, and the WHO is SILENT. Jobs First, Always!\" " +
		"The Harbour Board said it would answer on Monday. " +
		"The CARE office said, \"CARE will stay,\" and Dr Imre Kassai agreed."
	checkRule(t, text, map[string]ruleWant{
		"Lorna Bexley":  {app.Person, nil},
		"United States": {app.State, []string{"US"}},
		"NATO":          {app.Organisation, nil},
		"Imre Kassai":   {app.Person, nil},
		"CARE":          {"", nil},
		"Harbour Board": {"", nil},
	}, []string{"CHEATED", "DECADES", "NO MORE", "Deals for Cowards", "MORE Deals", "SILENT", "Port Workers", "Jobs First"})
}

// The stress of a quotation is read only where the quotation also has words in lower
// case: a headline quoted in capitals is the layout's (see markSloganQuotes), and a word
// not in the English list ("OPEC") or a body's acronym that is also a word ("WHO") stays
// an acronym.
func TestShoutingNeedsLowerCaseAndEnglish(t *testing.T) {
	toks := tokenize(`He wrote: "OPEC is LYING to the WORLD, and the WHO knows." Then: "TOTAL RECALL".`)
	markLayout("", toks)
	stressed := map[string]bool{}
	for _, tk := range toks {
		if tk.shout {
			stressed[tk.text] = true
		}
	}
	for w, want := range map[string]bool{"OPEC": false, "WHO": false, "LYING": true, "WORLD": true, "TOTAL": false, "RECALL": false} {
		if stressed[w] != want {
			t.Errorf("%s: shout %v, want %v", w, stressed[w], want)
		}
	}
}

// Round 63: one English word before "and", and the rest of a body's name after it, are
// one body, also when the name then says whose body it is or ends in a legal form.
func TestRound63EnglishWordBeforeAndInBody(t *testing.T) {
	text := "The Fisheries and Coastal Waters Authority fined the trawler. " +
		"The Teachers and Lecturers Staff Union of Kenya called a strike. " +
		"Tools and Fixings Ltd, a supplier, went bust."
	checkRule(t, text, map[string]ruleWant{
		"Fisheries and Coastal Waters Authority":      {app.GovernmentBody, nil},
		"Teachers and Lecturers Staff Union of Kenya": {app.Organisation, nil},
		"Tools and Fixings Ltd":                       {app.Organisation, nil},
	}, []string{"Fisheries", "Coastal Waters Authority", "Teachers", "Fixings Ltd"})
}

// A digest's entry opens with its place or section in capitals and a full stop, after a
// date or alone: a slug (see slugLabel), not a name.
func TestRound63DigestEntryLabels(t *testing.T) {
	text := "WEEKLY BRIEF\n\nWED 12 MAR — TALVERA. The Brenmoor Farmers Union said the dam would flood 40 farms.\n\n" +
		"OUTLOOK. The Talvera Water Board meets again on Friday."
	checkRule(t, text, map[string]ruleWant{
		"Brenmoor Farmers Union": {app.Organisation, nil},
		"Talvera Water Board":    {"", nil},
	}, []string{"TALVERA", "OUTLOOK", "WED"})
}

// A council named after its place alone, or with the noun that says what kind of place
// ("Community", "Parish"), is the place's government; a sector's council is not.
func TestRound63PlaceCouncils(t *testing.T) {
	text := "Tarbrax Community Council objected to the quarry on Tuesday, and Kirkmuir Parish Council agreed. " +
		"The Glasmoor Exporters Council welcomed it."
	checkRule(t, text, map[string]ruleWant{
		"Tarbrax Community Council":  {app.GovernmentBody, nil},
		"Kirkmuir Parish Council":    {app.GovernmentBody, nil},
		"Glasmoor Exporters Council": {app.Organisation, nil},
	}, nil)
}

// A sentence's first word in -ing opens a clause, not a name ("Prosecuting for the …");
// "for the" before a weekday is no part of the name before it.
func TestRound63ParticipleAndWeekdayAfterFor(t *testing.T) {
	text := "A poll by Halvard Research for the Sunday edition of the Ostmark Courier puts the Greens first. " +
		"Speaking for the Ostmark Port Authority, Ilse Marquand said the berth would reopen."
	checkRule(t, text, map[string]ruleWant{
		"Halvard Research":       {app.Organisation, nil},
		"Ostmark Port Authority": {app.GovernmentBody, nil},
		"Ilse Marquand":          {app.Person, nil},
	}, []string{"Halvard Research for the", "Speaking for the Ostmark Port Authority", "Speaking"})
}

// An English word the sentence capitalised before a person's full name is a trade or a
// portfolio, not part of the name; a given name that is a word ("Faith"), a short word
// that may be a surname ("Tan") and two-word names are kept whole.
func TestRound63DescriptorBeforeName(t *testing.T) {
	text := "Surveyor Lindiwe Ngcobo-Mthembu signed the report. " +
		"Faith Wanjiru Kamau, a nurse, agreed. Tan Wei Ling and Park Jae-won disagreed."
	checkRule(t, text, map[string]ruleWant{
		"Lindiwe Ngcobo-Mthembu": {app.Person, nil},
		"Faith Wanjiru Kamau":    {app.Person, nil},
		"Tan Wei Ling":           {app.Person, nil},
		"Park Jae-won":           {app.Person, nil},
	}, []string{"Surveyor Lindiwe Ngcobo-Mthembu", "Wanjiru Kamau", "Wei Ling"})
}

// A legal form written without its dot after a comma ends the name before it, whatever
// follows: "Mussulo Offshore Serviços, Lda, the owner"; a name after it is not the form's.
func TestRound63CommaFormWithoutDot(t *testing.T) {
	text := "The barge belongs to Quissama Cargas, Lda, a Luanda firm, which hired Kestrel Freight, Ltd last year."
	checkRule(t, text, map[string]ruleWant{
		"Quissama Cargas, Lda": {app.Organisation, nil},
		"Kestrel Freight, Ltd": {app.Organisation, nil},
	}, []string{"Lda", "Ltd"})
}

// A council of legislators or of ministers is a state's house or cabinet; a state's
// national service named in a Romance language is the state's; a national federation is
// not a service.
func TestRound63CouncilsOfMembersAndNationalServices(t *testing.T) {
	text := "The Council of Representatives voted on Monday after the Council of Ministers met. " +
		"The Dirección Nacional de Aduanas raised fees, and the Federación Nacional de Arroceros objected."
	checkRule(t, text, map[string]ruleWant{
		"Council of Representatives":       {app.GovernmentBody, nil},
		"Council of Ministers":             {app.GovernmentBody, nil},
		"Dirección Nacional de Aduanas":    {app.GovernmentBody, nil},
		"Federación Nacional de Arroceros": {app.Organisation, nil},
	}, nil)
}

// A name made of English words only, none a given name, is a body's even where a
// said-type verb follows it; a person's name with a given name stays a person's.
func TestRound63WordsNameIsNoPerson(t *testing.T) {
	text := "The Harbour Stone Logistics said on Monday it would appeal. " +
		"Joint Fisheries Command said two boats were stopped. Ilse Marquand said nothing."
	checkRule(t, text, map[string]ruleWant{
		"Harbour Stone Logistics": {app.Organisation, nil},
		"Joint Fisheries Command": {app.Organisation, nil},
		"Ilse Marquand":           {app.Person, nil},
	}, nil)
}
