package suggest

import (
	"strings"

	"dossier/app"
)

// numberCompounds adds to m the numbers from twenty-one to ninety-nine written in words.
func numberCompounds(m map[string]bool) map[string]bool {
	for _, tens := range strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety") {
		for _, unit := range strings.Fields("one two three four five six seven eight nine") {
			m[tens+"-"+unit] = true
		}
	}
	return m
}

// words turns a blank-separated list into a set of folded words.
func words(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[app.Fold(w)] = true
	}
	return m
}

// stopwords are capitalised only because a sentence starts with them; they never begin a
// name. A run of capitalised words loses them from its front. Numbers written in words
// and joined by a hyphen ("Forty-six") are among them (see numberCompounds).
var stopwords = numberCompounds(words(`the a an this that these those it its he she they we i you his her their our my
	your me us them him one's but and or nor so yet still also in on at by for from with without
	after before during since until till while when where what who whom whose which why how if
	unless whether as although though however meanwhile moreover furthermore nevertheless
	nonetheless instead despite according under over among amid amidst between both each every
	everyone everybody nobody none no not some many most more much several few all any other
	others another one two three four five six seven eight nine ten eleven twelve twenty thirty
	forty fifty sixty seventy eighty ninety dozens hundreds thousands
	millions first second third last next earlier later today yesterday tomorrow tonight now then
	there here once even only just such asked speaking yes thanks please indeed perhaps maybe
	across against along around behind beyond inside near outside through throughout toward
	towards upon within via per than to of into onto off up down out about above below whoever
	whatever wherever whenever let lets mr said says told added asked while whereas because
	unlike like following including except besides nor neither either whereby thereby thus
	hence accordingly otherwise overall meanwhile separately elsewhere again already always
	never often sometimes soon recently currently previously finally eventually ultimately
	initially originally ago is are was were be been has have had do does did will would can
	could shall should may might must someone somebody anyone anybody something
	everything nothing anything`))

// generic words are capitalised often enough in news text without naming any one actor
// ("Parliament", "Sunni", "Monday"); alone they are never suggested.
var generic = words(`january february march april may june july august september october november
	december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
	friday saturday sunday mon tue tues wed thu thurs fri sat sun
	government parliament cabinet ministry minister ministers president presidency state states
	army police military navy court house council committee commission
	assembly party parties union republic kingdom federation administration office department
	agency opposition coalition alliance front movement bloc group forces authority authorities
	constitution capital city province region north south east west northern southern eastern
	western northeast northwest southeast southwest central
	shiite shiites shia shi'ite sunni sunnis kurd kurds kurdish arab arabs arabic christian
	christians muslim muslims islamic islam jewish jew jews yazidi yazidis druze alawite
	alawites catholic orthodox protestant hindu buddhist sikh turkmen persian pashtun tajik
	hazara baloch latino hispanic african africans european europeans asian asians western
	westerners eastern arabian caucasian slavic catalan basque flemish
	republican democrat democratic socialist communist conservative liberal english scottish
	welsh mps meps
	nationalist nationalists islamist islamists jihadist jihadists salafist leftist rightist
	federal national international popular united central supreme royal imperial interim
	transitional provisional general
	god allah ramadan eid christmas easter passover hanukkah diwali nowruz
	ebola mpox cholera covid covid-19 malaria measles polio dengue zika tuberculosis influenza
	internet x nordic baltic balkan scandinavian iberian
	ok okay ceo cfo tv pm am gmt utc covid
	democrats republicans live
	appellant appellants respondent respondents claimant claimants defendant defendants plaintiff
	plaintiffs petitioner petitioners applicant applicants intervener interveners company`)

// particles are the lowercase words and prefixes inside names: "Mohammed bin Salman",
// "Ursula von der Leyen", "Nouri al-Maliki".
// patronymEnds close a Turkic name after the father's name: "Aibek Toktogul uulu" (son
// of Toktogul), "Nurzhan Asanbek kyzy".
var patronymEnds = words(`uulu kyzy qizi qızı oglu oğlu ogly o'g'li o‘g‘li ugli qyzy`)

var particles = words(`al el bin ibn bint ben abu de del della dei der den di da das dos du van von ter
	le la les los las des es ul wal y zu per e af av ng por para pour für do au aux pro et
	oglu oğlu qizi qızı kyzy uulu ogly o'g'li o‘g‘li ugli qyzy sa mga ve und dan és og och cha ya wa na i ferch contra ao aos pentru și din cu o za a/l a/p s/o d/o`)

// particlePrefixes begin a name token written in lower case: "al-Maliki", "el-Sisi".
var particlePrefixes = []string{"al-", "el-", "wal-", "ul-", "li-", "bi-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-", "bin-", "ibn-", "abu-",
	"ez-", "es-", "ed-", "et-", "en-", "er-", "ech-", "esh-", // "Deir ez-Zor", "Ras en-Naqoura"
	"d'", "d’", "l'", "l’"} // "Conseil d'État", "Giscard d'Estaing"

// roleHeads are titles and offices that stand before a person's name: "President Donald
// Trump", "Sen. Joshua Harris", "Mullah Mohammad Yaqoob".
var roleHeads = words(`president minister secretary secretary-general director-general chancellor
	speaker senator sen representative rep congressman congresswoman governor gov general gen
	colonel col lieutenant lt major maj captain capt admiral adm brigadier brig marshal commodore
	commander sergeant sgt corporal king queen prince princess emir sheikh sheikha sultan
	ayatollah imam mullah cleric pope cardinal archbishop bishop rabbi patriarch judge mayor
	ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair director
	leader mr mrs ms miss dr prof professor lord lady sir dame premier adviser advisor
	counsellor mufti lawmaker mp commissioner vice-president vice-chancellor vizier khan hajji magistrate
	haji comrade councillor councilor inspector prosecutor attorney superintendent chief
	head coordinator justice striker goalkeeper midfielder defender winger coach partner
	administrator comptroller datuk dato tun tunku seri sri sayyed sayyid syed sharif
	ombudsman ombudswoman registrar auditor-general me maître mgr ratu daw u
	bapak pak ibu hj drs ir master treasurer officer advocate khun wira cllr td mla mep msp chairperson
	ceo cfo coo cto private privates
	madame monsieur mme mlle herr frau señor señora senhor senhora signor signora mawlawi maulvi
	maulana mawlana khunying cacique pastor reverend rev father fr hon honourable shri smt shrimati
	ustaz ustadh kachalla malam mallam dsp obbo menteri hajia adv elder corporator avv
	promotor promotora procurador procuradora juiz juíza juez jueza diputado diputada deputado
	deputada senador senadora vereador vereadora prefeito prefeita alcalde alcaldesa gobernador
	gobernadora governador governadora ministro ministra presidente presidenta licenciado doña dona
	eng kh kiai kyai
	sheriff engineer constable coroner assessor alderman alderwoman supervisor trustee regent regents provost
	warden chaplain clerk auditor solicitor qari kaumatua hojatoleslam hojjatoleslam
	alhaji alhaja iya mama mca tenente coronel capitao sargento
	ato weyzero woizero inkosi opanin mami jajja mzee barrister counsel asp atty engr pol togbe fon igwe
	conciliator arbitrator informateur formateur
	undersecretary under-secretary kak madam deputy
	encik puan cik tuan ro adi justices judges ven venerable mst collector mec pm abbot abbess
	ministro ministra defensor defensora comisionado comisionada congresista magistrado magistrada consejero
	consejera presidente presidenta diputado diputada senador senadora gobernador gobernadora`)

// roleModifiers qualify a role: "Former Iraqi Prime Minister", "Deputy Foreign Minister",
// "Parliament Speaker". They are stripped with the role they precede.
var roleModifiers = words(`prime deputy vice acting interim caretaker former outgoing incoming crown grand
	supreme foreign defence defense interior finance economy economic trade health energy oil
	education justice labour labor security national chief senior first lieutenant field
	attorney majority minority senate house parliament parliamentary state executive assistant
	under junior general high special late then-president ex then of the for affairs
	agriculture environment culture transport housing water electricity planning industry
	commerce information communications religious women's youth sports tourism treasury home
	culture immigration intelligence army navy air military police regional federal
	provincial municipal city county party opposition ruling government presidential royal cabinet
	works tan local electoral medical returning technical operating financial legal scientific statistical
	mining mines mineral minerals resources fisheries forestry aquaculture oceans infrastructure digital
	technology science innovation employment petroleum telecommunications livestock irrigation manpower
	tourism aviation maritime railways highways climate investment lands managing honorary staff
	appeal appeals besar social public services gender family heritage arts sport community ecology natural`)

// roleWords are lowercase words that, right before a name, say it is a person's: "cleric
// Muqtada al-Sadr", "PMF chairman Faleh al-Fayyadh".
var roleWords = words(`president minister secretary chancellor speaker senator representative
	congressman congresswoman governor general colonel lieutenant major captain admiral
	brigadier marshal commander sergeant king queen prince princess emir sheikh sultan
	ayatollah imam mullah cleric pope cardinal archbishop bishop rabbi patriarch judge mayor
	ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair director
	leader co-leader adviser advisor lawmaker legislator deputy mp commissioner analyst
	researcher economist professor journalist reporter correspondent editor activist lawyer
	candidate negotiator official officer diplomat politician businessman businesswoman tycoon
	student teacher doctor shopkeeper resident farmer scholar commentator expert strongman
	dictator warlord militant fighter founder chief head premier counterpart successor
	predecessor rival ally deputy-chairman secretary-general vice-president sheikh cleric
	opponent challenger incumbent nominee mayor-elect president-elect colleague host guest
	daughter son wife husband brother sister father mother nephew niece cousin widow
	presenter author writer poet singer actor artist coach player manager chairperson
	prosecutor investigator inspector auditor ombudsman mediator monitor observer envoy detective
	broker banker trader engineer scientist strategist runner-up winner champion
	paediatrician pediatrician surgeon physician nurse pharmacist epidemiologist
	virologist researcher lecturer pilot driver billionaire magnate entrepreneur investor
	philanthropist owner co-owner competitor peer trustee
	finalist founder co-founder whip treasurer rapporteur councillor councilor alderman
	delegate organiser organizer campaigner volunteer rector dean attorney solicitor
	barrister magistrate clerk registrar curator principal superintendent warden goalkeeper
	striker midfielder defender winger keeper member agent linguist translator interpreter advocate`)

// Kind cues: a capitalised word inside a name that says what kind of actor it names.
var (
	armedCues = words(`forces force brigades brigade militia militias army corps guards guard units
		battalion battalions regiment division resistance mujahideen mujahidin
		kataib kata'ib katibat katiba harakat jaish lashkar saraya asaib liwa ansar jama'at
		jamaat jemaah hayat taliban hezbollah hizbollah hamas houthis houthi al-qaeda al-qaida
		daesh isis isil isil-k wagner al-shabaab shabaab boko haram jihad rebels insurgents
		legion commandos cartel cartels gang gangs armada bataillon batallon navy ejército exército esercito armée
		autodefensas`)
	partyCues = words(`party front movement alliance framework coalition bloc platform list pact labour labor
		league insoumise rassemblement partido parti partei democrats republicans socialists
		conservatives greens patriots tehreek tehrik liberals progressives partai partia partija stranka paksha
		strana párt puolue partiet partito partidul frente movimiento movimento mouvement bewegung
		beweging alianza aliança katchi kazhagam partisi partiya morcha aghadi`)
	govCues = words(`ministry department parliament assembly senate congress cabinet government presidency
		office court tribunal kremlin pentagon élysée elysee bundestag bundesrat knesset duma
		majlis treasury judiciary prosecutor's prosecution directorate secretariat
		inspectorate police gendarmerie bureau embassy consulate municipality governorate
		mission administration committee service commissariat ministerio ministère
		ministerium dirección direction secretaría departamento conseil consejo conselho consiglio
		ayuntamiento prefeitura tribunale superintendence superintendency superintendencia
		oficina jurado juzgado fiscalía contraloría defensoría procuraduría registraduría
		servicio serviço servizio autoridad autoridade comisión comissão commissione
		khural hural kenesh sabha rada sejm senat storting folketing riksdag eduskunta althing
		registro registry préfecture prefecture audiencia landtag kreistag stadtrat gemeinderat
		regione regiao comune municipio junta xunta concejo diputación generalitat alcaldía
		gobernación intendencia municipalidad panchayat parishad samiti akimat maslikhat
		asamblea assembleia congreso congresso corte senado gendarmería carabineros policía polícia polizia procura
		politie polizei cour parlement gouvernement primature présidence assemblée organismo agence agencia agenzia autorité autorità
		landgericht amtsgericht oberlandesgericht bundesgerichtshof verwaltungsgericht arbeitsgericht
		finanzgericht sozialgericht staatsanwaltschaft generalstaatsanwaltschaft`)
	mediaCues = words(`news times post herald journal gazette tribune radio television tv mail telegraph
		chronicle inquirer courier wire dispatch bulletin ledger observer sentinel examiner courant clarion
		broadcasting broadcaster channel daily weekly press magazine monde spiegel reuters afp
		tass xinhua bbc cnn rudaw aljazeera al-jazeera al-arabiya arabiya ria interfax anadolu
		irna isna fars tasnim yonhap kyodo ap dpa ansa efe diario periódico jornal gaceta gazeta correio
		courrier quotidien presse nouvelliste hebdo fm`)
	orgCues = words(`organization organisation association agency bank university institute
		center centre foundation fund programme program company corporation group union house
		nations community chamber federation initiative council commission authority society
		watch international cross crescent trust network academy school college hospital
		club federation consortium conference forum secretariat institution board syndicate guild
		verein ruderverein roeivereniging vereniging sportverein klub kulübü cámara câmara
		fundacja stowarzyszenie nadácia nadace spolok sdružení ratings bakery taqueria restaurant
		diner tavern pharmacy transit clinic clinics
		partnership observatory cooperative co-operative koperasi cooperativa coopérative
		inc incorporated corp co ltd llc llp plc sa ag gmbh nv bv spa asa oyj kg sarl pty ltda tbk jsc
		pjsc ojsc kft zrt sro doo bhd sas
		holding holdings freight lines mining labs lab motors petroleum consulting research
		services capital partners industries airlines airways shipping logistics tankers
		technologies systems pharmaceuticals insurance investments ventures team steel
		telecom solutions enterprises brands foods media-group studios exchange
		confederation rovers athletic wanderers rangers fc sc afc project air jet unit
		fundación fundação fondation fondazione stiftung asociación associação sindicato
		syndicat gewerkschaft banco banque grupo groupe compañía companhia instituto institut
		universidad universidade université universität università resources minerals metals
		chemicals pharma power utilities electric express electronics devices semiconductor
		semiconductors networks robotics aerospace biotech therapeutics biologics instruments
		materials textiles cosmetics beverages brewery breweries distillery bancorp dynamics energy
		associates works register sangathan samiti sangh manch pharmaceutical motor
		platforms analytics diocese diócesis diocèse`)
	// placeCues end the names of places, which are not actors: "Red Sea", "Litani River".
	placeCues = words(`sea river shoal strait gulf ocean island islands mountains mountain valley
		desert lake bay peninsula square street avenue road bridge airport province
		governorate district region city canal corridor coast highlands plateau basin camp
		hills heights reef channel border crossing county town village neighbourhood
		neighborhood quarter port harbour harbor dam field oasis plain delta cape pass
		reservoir lagoon wetland wetlands glacier volcano waterfall falls gorge canyon state
		pipeline tunnel motorway expressway highway territory`)
)

// possNouns are the common nouns whose possessive stays inside a name: "Republican
// People's Party", "Chief Prosecutor's Office". After any other word a possessive ends the
// name: "Bolsonaro's Liberal Party" is the Liberal Party.
var possNouns = words(`people nation nations prosecutor god women men children youth martyr martyrs
	worker workers farmer farmers veteran veterans student students teacher teachers citizen
	citizens patriot patriots soldier soldiers mother mothers writer writers journalist
	journalists lawyer lawyers doctor doctors traveller travellers consumer consumers
	president's king queen prince public world everyman`)

// groupNouns, right after a name, make it a people's or a community's, not an actor's:
// "the Rohingya minority".
var groupNouns = words(`minority minorities refugees refugee community communities population
	tribe tribes clan clans villagers civilians migrants diaspora language speakers pilgrims family
	families dynasty
	voters workers farmers herders fishermen protesters demonstrators residents peoples`)

// compass words begin the names of regions: "West Bengal", "North Darfur".
var compass = words(`north south east west northern southern eastern western upper lower central greater`)

// placeNouns, right after a name ("the Torkham border crossing", "Kurram district"),
// say the name is a place's.
var placeNouns = words(`border crossing district province region city town village camp river
	valley mountains mountain area neighbourhood neighborhood county governorate port base
	airport prison facility facilities plant site sites field fields refinery dam square
	street road highway airbase checkpoint enclave strip suburb suburbs outskirts coast
	front frontline island islands desert oasis municipality commune mine mines pit quarry
	smelter mill terminal berth dock docks shipyard yard fjord farm farms route lake lakes airports
	ports reservoir reservoirs aqueduct constituency constituencies deposit deposits concession
	concessions valleys hills regions provinces districts towns villages cities territories strait
	straits sea bay gulf lagoon flat flats basin plateau wetland wetlands forest park ward wards
	riding ridings precinct precincts barangay`)

// electionNouns after a name that has no body's word say where the vote is: "the
// Taichung by-election"; "the Bundestag election" is the body's.
var electionNouns = words(`election elections by-election by-elections referendum vote polls`)

// electionAdjectives stand between a place and its election: "the Batumi mayoral vote".
var electionAdjectives = words(`mayoral municipal local regional provincial parliamentary presidential
	general legislative council`)

// bodyPlaceNouns, right after a name that is not a possessive, make it the place whose
// body it is: "the Glasgow council", "the Madhya Pradesh health department". ("Alimi's
// council" is his.)
var bodyPlaceNouns = words(`council department police`)

// locatives, right before a name, say it is a place's: "in Erbil", "near Mosul".
var locatives = words(`in near outside across into towards toward throughout inside around
	at via through from to`)

// placeOf are the nouns after which "of X" names a place: "the city of Manisa".
var placeOf = words(`city cities town towns village villages province provinces region regions
	state district districts capital outskirts suburbs resident residents street streets mayor
	governor north south east west centre center heart parts part people citizens
	inhabitants population area areas governorate county neighbourhood neighbourhoods
	neighborhood neighborhoods native natives port ports harbour harbor airport island islands
	borough boroughs municipality municipalities ward wards`)

// followCues, a lowercase word right after a name, guess its kind: "the Badr militia",
// "the Hayastan bloc".
var followCues = map[string]app.ActorKind{
	"militia": app.ArmedGroup, "militias": app.ArmedGroup, "group": app.ArmedGroup, "rebels": app.ArmedGroup,
	"cartel": app.ArmedGroup, "gang": app.ArmedGroup,
	"fighters": app.ArmedGroup, "faction": app.ArmedGroup, "factions": app.ArmedGroup, "insurgents": app.ArmedGroup,
	"party": app.Party, "bloc": app.Party, "movement": app.Party, "coalition": app.Party, "alliance": app.Party,
	"ministry": app.GovernmentBody, "government": app.GovernmentBody,
	"newspaper": app.Media, "agency": app.Media, "broadcaster": app.Media, "channel": app.Media,
	"daily": app.Media, "magazine": app.Media, "website": app.Media, "network": app.Media,
	"company": app.Organisation, "firm": app.Organisation, "bank": app.Organisation,
	"institute": app.Organisation, "university": app.Organisation, "foundation": app.Organisation,
	"think": app.Organisation, // "think tank"
	"union": app.Organisation,
	"list":  app.Party, "ticket": app.Party,
	"said": app.Person, "says": app.Person, "told": app.Person, "wrote": app.Person, "added": app.Person,
	"television": app.Media, "tv": app.Media, "radio": app.Media, "station": app.Media,
	"posted": app.Person, "tweeted": app.Person, "replied": app.Person, "answered": app.Person,
	"insisted": app.Person, "argued": app.Person, "recalled": app.Person, "admitted": app.Person,
}

// precedeCues, a lowercase word right before a name, guess its kind: "the broadcaster ZDF".
var precedeCues = map[string]app.ActorKind{
	"broadcaster": app.Media, "newspaper": app.Media, "daily": app.Media, "agency": app.Media,
	"channel": app.Media, "magazine": app.Media, "outlet": app.Media, "website": app.Media,
	"site": app.Media, "portal": app.Media, "broadcaster's": app.Media,
	"militia": app.ArmedGroup, "group": app.Organisation, "party": app.Party, "bloc": app.Party,
	"gang": app.ArmedGroup, "cartel": app.ArmedGroup,
	"movement": app.Party, "coalition": app.Party, "company": app.Organisation, "alliance": app.Party,
	"institute": app.Organisation, "organisation": app.Organisation, "organization": app.Organisation,
	// What a company or a charity does, written before its name: "the carmaker Vantor
	// Motors", "law firm Barrow & Finch", "local charity Bright Steps".
	"maker": app.Organisation, "carmaker": app.Organisation, "firm": app.Organisation,
	"lender": app.Organisation, "charity": app.Organisation, "operator": app.Organisation,
	"contractor": app.Organisation, "insurer": app.Organisation, "retailer": app.Organisation,
	"airline": app.Organisation, "miner": app.Organisation, "producer": app.Organisation,
	"manufacturer": app.Organisation, "developer": app.Organisation, "startup": app.Organisation,
	"start-up": app.Organisation, "conglomerate": app.Organisation, "supplier": app.Organisation,
	"bank": app.Organisation, "consultancy": app.Organisation, "brokerage": app.Organisation,
	"utility": app.Organisation, "exporter": app.Organisation, "importer": app.Organisation,
	"distributor": app.Organisation, "consortium": app.Organisation, "fund": app.Organisation,
	"carrier": app.Organisation, "drugmaker": app.Organisation, "automaker": app.Organisation,
	"chipmaker": app.Organisation, "shipper": app.Organisation, "broker": app.Organisation,
	"shipowner": app.Organisation, "shipbuilder": app.Organisation, "steelmaker": app.Organisation,
	"collective": app.Organisation, "app": app.Organisation,
	"daily's": app.Media, "weekly": app.Media, "paper": app.Media,
	"union": app.Organisation, "federation": app.Organisation, "association": app.Organisation,
	"ngo": app.Organisation, "tank": app.Organisation, "club": app.Organisation, "team": app.Organisation,
	"syndicate": app.Organisation, "cooperative": app.Organisation, "co-operative": app.Organisation,
	"regulator": app.GovernmentBody, "commission": app.GovernmentBody, "ruling": app.Party,
	// Where a party stands: "the far-right Alternative for Germany".
	"far-right": app.Party, "far-left": app.Party, "centre-right": app.Party, "centre-left": app.Party,
	"center-right": app.Party, "center-left": app.Party, "right-wing": app.Party, "left-wing": app.Party,
	"populist": app.Party, "opposition": app.Party, // "the opposition Kuomintang"
	"watchdog": app.GovernmentBody,
}

// nonActorHeads are the head nouns of names that are not actors: events, awards,
// products, indexes, laws and documents, a sheet's rows and columns ("Orbis Prize",
// "Tour of the Lakes", "Digital Markets Act", "Nasdaq Composite", "Column F").
var nonActorHeads = words(`prize prizes award awards medal trophy cup championship championships
	tour race rally marathon grand-prix games olympics paralympics festival expo fair show
	week summit act bill law treaty accord agreement protocol memorandum rule charter declaration report
	index regulation directive rules guidelines
	decree ordinance statute levy tax tariff surcharge subsidy survey census poll
	índice indice índex premio prémio prix
	composite average column row cell sheet album film novel series edition
	sensex nikkei ftse dax kospi hang-seng stoxx`)

// platforms are the networks people post on. "wrote on Facebook" names where, not who;
// "Facebook said" or "Competitors Bluesky and Threads" name the companies.
var platforms = words(`twitter facebook instagram whatsapp telegram tiktok youtube linkedin reddit bluesky
	weibo wechat snapchat threads truth vk`)

// nonActorAfter, a lowercase word right after a name, say it names a thing: "the Atlas
// smartphone", "the KOSPI index".
var nonActorAfter = words(`index indices smartphone phone phones handset device devices model
	car cars bike bikes app software drug vaccine prize award festival ceremony tournament
	race summit album film tablets tablet pills pill capsules medicine medicines drugs scandal brand brands
	syrup syrups injection injections cream spray drops
	affair motor motors engine engines range ranges lineup line-up series chip chips processor
	console consoles camera cameras truck trucks jet jets aircraft drone drones rifle rifles
	missile missiles satellite satellites tanker tankers handsets laptop laptops platform
	agreement agreements accord accords protocol attack attacks malware ransomware loader virus
	worm exploit tool tools wiper trojan botnet spyware backdoor pilgrimage holiday feast line event
	system systems tank tanks launcher launchers howitzer howitzers frigate frigates submarine
	submarines helicopter helicopters`)

// nonActorAcronyms are abbreviations of measures and things, not of actors: "GDP", "VAT".
var nonActorAcronyms = words(`gdp gnp gni cpi ppi pmi vat ipo etf lng lpg ai ev evs gmo hiv aids dna rna
	fdi eps ebitda usd eur gbp jpy cny kwh mw gw bpd sms pdf url faq diy hq vpn lng
	cfa tb gdpr dma dsa pac gps eudr ce fob cif sofr vip c&f cfr exw ddp
	ias san qc kc mbe obe cbe kbe dbe phd
	nok sek dkk chf inr pkr bdt lkr kes ngn zar brl clp mxn uah pln czk huf ron egp aed qar idr myr thb vnd
	krw twd hkd sgd aud nzd gh ngo ngos tels gst hst
	wat eat cat cet cest eet eest bst ist pkt wib jst kst est edt pst pdt cdt mst sast msk aest
	ind indep vlcc ulcc saf ais nsw qld`)

// knownActors are a few actors whose names carry no cue to their kind but are named
// constantly in political news.
var knownActors = map[string]app.ActorKind{
	"hezbollah": app.ArmedGroup, "hamas": app.ArmedGroup, "taliban": app.ArmedGroup, "houthis": app.ArmedGroup,
	"houthi":   app.ArmedGroup,
	"al-qaeda": app.ArmedGroup, "al-qaida": app.ArmedGroup, "isis": app.ArmedGroup, "isil": app.ArmedGroup,
	"daesh": app.ArmedGroup, "islamic state": app.ArmedGroup, "al-shabaab": app.ArmedGroup, "pkk": app.ArmedGroup,
	"wagner": app.ArmedGroup, "wagner group": app.ArmedGroup,
	"nato": app.Organisation, "un": app.Organisation, "eu": app.Organisation, "opec": app.Organisation,
	"imf": app.Organisation, "iaea": app.Organisation, "asean": app.Organisation,
	"ecowas": app.Organisation, "african union": app.Organisation, "arab league": app.Organisation,
	"reuters": app.Media, "afp": app.Media, "tass": app.Media, "xinhua": app.Media,
	"bbc": app.Media, "cnn": app.Media, "rudaw": app.Media, "al jazeera": app.Media, "zdf": app.Media,
	"ard": app.Media, "le monde": app.Media, "der spiegel": app.Media, "al-monitor": app.Media,
	"kremlin": app.GovernmentBody, "pentagon": app.GovernmentBody, "white house": app.GovernmentBody,
	"élysée": app.GovernmentBody, "bundestag": app.GovernmentBody, "knesset": app.GovernmentBody,
	"duma": app.GovernmentBody, "state department": app.GovernmentBody,
	// The city that stands for the European Union's institutions, not for Belgium.
	"brussels": app.Organisation,
}

// namedLegislatures are parliaments called by their own names: government bodies.
const namedLegislatures = `storting|stortinget|folketing|folketinget|riksdag|riksdagen|eduskunta|althing|
althingi|sejm|seimas|saeima|riigikogu|verkhovna rada|sabor|oireachtas|dail|seanad|lok sabha|
rajya sabha|dewan rakyat|jogorku kenesh|mazhilis|hluttaw|bundesrat|nationalrat|majlis|skupstina`

func init() {
	for _, l := range strings.Split(namedLegislatures, "|") {
		knownKinds[strings.TrimSpace(l)] = app.GovernmentBody
	}
}

// agentNouns describe a company by what it does; in an appositive the one capitalised word
// before them says where it is from: "Marzotti, the Bergamo maker of gearboxes".
var agentNouns = words(`maker makers manufacturer producer lender retailer carrier exporter importer
	developer builder supplier distributor insurer brewer miner refiner shipper operator`)

// isRoleHead reports whether a folded word is a title before a name, written alone or as
// titles and their qualifiers joined by hyphens ("lieutenant-colonel", "major-general").
func isRoleHead(w string) bool {
	if roleHeads[w] {
		return true
	}
	for _, suf := range []string{"-designate", "-elect", "-nominee"} {
		if r, ok := strings.CutSuffix(w, suf); ok {
			return isRoleHead(r) // "Prime Minister-designate", "Governor-elect"
		}
	}
	parts := strings.Split(w, "-")
	// "Vice-Governor", "Sub-Inspector", "Treasurer-secretary": a role's words joined by hyphens.
	if len(parts) < 2 || !roleHeads[parts[len(parts)-1]] && !roleWords[parts[len(parts)-1]] {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		if !roleHeads[p] && !roleModifiers[p] && !roleWords[p] && p != "co" && p != "ex" && p != "sub" {
			return false
		}
	}
	return true
}
