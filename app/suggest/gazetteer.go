package suggest

import (
	"strings"

	"dossier/app"
)

// countryTable lists the world's states, one a line: the English name, other names and
// abbreviations, demonyms, and the capital, separated by "|" (lists by ","). A state named
// in a text is an actor; its demonym ("Iraqi") only qualifies another word; its capital
// is an actor when it stands for the government ("Ankara rejected…"), not when it is
// where something happened ("in Ankara"). A seat of government that is not the capital
// (Cotonou, Putrajaya) is listed beside it. A capital that is also a common given name or
// another place's name (Victoria of the Seychelles) is left out. States that no longer exist
// (the Soviet Union) are states in the texts that name them; their capitals are their
// successors'.
const countryTable = `Afghanistan||Afghan,Afghans|Kabul
Albania||Albanian,Albanians|Tirana
Algeria||Algerian,Algerians|Algiers
Andorra||Andorran|Andorra la Vella
Angola||Angolan,Angolans|Luanda
Argentina||Argentine,Argentinian,Argentines,Argentinians|Buenos Aires
Armenia||Armenian,Armenians|Yerevan
Australia||Australian,Australians|Canberra
Austria||Austrian,Austrians|Vienna
Azerbaijan||Azerbaijani,Azeri,Azerbaijanis,Azeris|Baku
Bahrain||Bahraini,Bahrainis|Manama
Antigua and Barbuda|Antigua|Antiguan,Antiguans|Saint John's
Saint Kitts and Nevis|St Kitts,St Kitts and Nevis,St. Kitts and Nevis,St. Kitts|Kittitian,Kittitians|Basseterre
São Tomé and Príncipe|São Tomé|Santomean,Santomeans|São Tomé
Trinidad and Tobago|Trinidad|Trinidadian,Trinidadians|Port of Spain
Bangladesh||Bangladeshi,Bangladeshis|Dhaka
Belarus||Belarusian,Belarusians|Minsk
Belgium||Belgian,Belgians|Brussels
Benin||Beninese|Porto-Novo,Cotonou
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian,Bolivians|La Paz,Sucre
Bosnia and Herzegovina|Bosnia|Bosnian,Bosnians|Sarajevo
Botswana||Motswana,Batswana|Gaborone
Brazil||Brazilian,Brazilians|Brasília
Bulgaria||Bulgarian,Bulgarians|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian,Burundians|Gitega
Cambodia||Cambodian,Cambodians|Phnom Penh
Cameroon||Cameroonian,Cameroonians|Yaoundé
Canada||Canadian,Canadians|Ottawa
Central African Republic|CAR|Central African|Bangui
Chad||Chadian,Chadians|N'Djamena
Chile||Chilean,Chileans|Santiago
China|People's Republic of China,PRC|Chinese|Beijing
Colombia||Colombian,Colombians|Bogotá
Comoros||Comoran|Moroni
Costa Rica||Costa Rican,Costa Ricans|San José
Croatia||Croatian,Croat,Croats,Croatians|Zagreb
Cuba||Cuban,Cubans|Havana
Cyprus||Cypriot,Cypriots|Nicosia
Czech Republic|Czechia|Czech,Czechs|Prague
Democratic Republic of the Congo|DRC,DR Congo,Democratic Republic of Congo|Congolese|Kinshasa
Denmark||Danish,Dane,Danes|Copenhagen
Djibouti||Djiboutian|Djibouti
Dominican Republic||Dominican,Dominicans|Santo Domingo
Ecuador||Ecuadorian,Ecuadorians|Quito
Egypt||Egyptian,Egyptians|Cairo
El Salvador||Salvadoran,Salvadorans|San Salvador
Eritrea||Eritrean,Eritreans|Asmara
Estonia||Estonian,Estonians|Tallinn
Ethiopia||Ethiopian,Ethiopians|Addis Ababa
Finland||Finnish,Finn,Finns|Helsinki
France||French,Frenchman,Frenchwoman|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian,Gambians|Banjul
Georgia||Georgian,Georgians|Tbilisi
Germany||German,Germans|Berlin
Ghana||Ghanaian,Ghanaians|Accra
Greece||Greek,Greeks|Athens
Guatemala||Guatemalan,Guatemalans|Guatemala City
Guinea||Guinean,Guineans|Conakry
Haiti||Haitian,Haitians|Port-au-Prince
Honduras||Honduran,Hondurans|Tegucigalpa
Hungary||Hungarian,Hungarians|Budapest
Iceland||Icelandic,Icelanders|Reykjavík
India||Indian,Indians|New Delhi
Indonesia||Indonesian,Indonesians|Jakarta
Iran|Islamic Republic of Iran|Iranian,Iranians,Persian|Tehran
Iraq||Iraqi,Iraqis|Baghdad
Ireland||Irish|Dublin
Israel||Israeli,Israelis|Jerusalem
Italy||Italian,Italians|Rome
Ivory Coast|Côte d'Ivoire|Ivorian,Ivorians|Yamoussoukro
Jamaica||Jamaican,Jamaicans|Kingston
Japan||Japanese|Tokyo
Jordan||Jordanian,Jordanians|Amman
Kazakhstan||Kazakh,Kazakhs,Kazakhstani|Astana
Kenya||Kenyan,Kenyans|Nairobi
Kosovo||Kosovar,Kosovars|Pristina
Soviet Union|USSR,U.S.S.R.|Soviet|
Yugoslavia||Yugoslav,Yugoslavs|
Czechoslovakia||Czechoslovak,Czechoslovaks|
Kuwait||Kuwaiti,Kuwaitis|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos||Lao,Laotian|Vientiane
Latvia||Latvian,Latvians|Riga
Lebanon||Lebanese|Beirut
Liberia||Liberian,Liberians|Monrovia
Libya||Libyan,Libyans|Tripoli
Lithuania||Lithuanian,Lithuanians|Vilnius
Luxembourg||Luxembourgish,Luxembourger|Luxembourg
Madagascar||Malagasy|Antananarivo
Malawi||Malawian,Malawians|Lilongwe
Malaysia||Malaysian,Malaysians|Kuala Lumpur,Putrajaya
Mali||Malian,Malians|Bamako
Malta||Maltese|Valletta
Mauritania||Mauritanian,Mauritanians|Nouakchott
Mexico||Mexican,Mexicans|Mexico City
Moldova||Moldovan,Moldovans|Chișinău
Mongolia||Mongolian,Mongolians|Ulaanbaatar
Montenegro||Montenegrin,Montenegrins|Podgorica
Morocco||Moroccan,Moroccans|Rabat
Mozambique||Mozambican,Mozambicans|Maputo
Myanmar|Burma|Burmese|Naypyidaw,Naypyitaw,Nay Pyi Taw
Namibia||Namibian,Namibians|Windhoek
Nepal||Nepalese,Nepali|Kathmandu
Netherlands|Holland|Dutch|Amsterdam
New Zealand||New Zealander,New Zealanders|Wellington
Nicaragua||Nicaraguan,Nicaraguans|Managua
Niger||Nigerien,Nigeriens|Niamey
Nigeria||Nigerian,Nigerians|Abuja
North Korea|DPRK,Democratic People's Republic of Korea|North Korean,North Koreans|Pyongyang
North Macedonia|Macedonia|Macedonian,Macedonians|Skopje
Norway||Norwegian,Norwegians|Oslo
Oman||Omani,Omanis|Muscat
Pakistan||Pakistani,Pakistanis|Islamabad
Palestine|State of Palestine|Palestinian,Palestinians|Ramallah
Panama||Panamanian,Panamanians|Panama City
Papua New Guinea||Papua New Guinean|Port Moresby
Paraguay||Paraguayan,Paraguayans|Asunción
Peru||Peruvian,Peruvians|Lima
Philippines|the Philippines|Philippine,Filipino,Filipinos,Filipina|Manila
Poland||Polish,Pole,Poles|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari,Qataris|Doha
Republic of the Congo|Congo-Brazzaville|Congolese|Brazzaville
Romania||Romanian,Romanians|Bucharest
Russia|Russian Federation|Russian,Russians|Moscow
Rwanda||Rwandan,Rwandans|Kigali
Saudi Arabia|Kingdom of Saudi Arabia,KSA|Saudi,Saudis|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian,Serb,Serbs,Serbians|Belgrade
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean,Singaporeans|Singapore
Slovakia||Slovak,Slovaks|Bratislava
Slovenia||Slovenian,Slovene,Slovenes|Ljubljana
Somalia||Somali,Somalis|Mogadishu
Somaliland||Somalilander,Somalilanders|Hargeisa
South Africa||South African,South Africans|Pretoria
South Korea|Republic of Korea,ROK|South Korean,South Koreans|Seoul
South Sudan||South Sudanese|Juba
Spain||Spanish,Spaniard,Spaniards|Madrid
Sri Lanka||Sri Lankan,Sri Lankans|Colombo
Sudan||Sudanese|Khartoum
Sweden||Swedish,Swede,Swedes|Stockholm
Switzerland||Swiss|Bern
Syria|Syrian Arab Republic|Syrian,Syrians|Damascus
Taiwan|Republic of China|Taiwanese|Taipei
Tajikistan||Tajik,Tajiks|Dushanbe
Tanzania||Tanzanian,Tanzanians|Dodoma
Thailand||Thai|Bangkok
Togo||Togolese|Lomé
Tunisia||Tunisian,Tunisians|Tunis
Turkey|Türkiye,Turkiye|Turkish,Turk,Turks|Ankara
Turkmenistan||Turkmen|Ashgabat
Uganda||Ugandan,Ugandans|Kampala
Ukraine||Ukrainian,Ukrainians|Kyiv,Kiev
United Arab Emirates|UAE,U.A.E.,Emirates|Emirati,Emiratis|Abu Dhabi
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton,Britons|London
United States|US,U.S.,USA,U.S.A.,United States of America,America|American,Americans|Washington
Uruguay||Uruguayan,Uruguayans|Montevideo
Uzbekistan||Uzbek,Uzbeks|Tashkent
Vatican|Holy See|Vatican|Vatican City
Venezuela||Venezuelan,Venezuelans|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni,Yemenis|Sanaa,Sana'a
Bahamas|The Bahamas|Bahamian,Bahamians|Nassau
Barbados||Barbadian,Barbadians|Bridgetown
Belize||Belizean,Belizeans|Belmopan
Brunei|Brunei Darussalam|Bruneian,Bruneians|Bandar Seri Begawan
Cape Verde|Cabo Verde|Cape Verdean,Cape Verdeans|Praia
Dominica||Dominicans|Roseau
Equatorial Guinea||Equatoguinean,Equatorial Guinean|Malabo
Eswatini|Swaziland|Swazi,Swazis|Mbabane
Fiji||Fijian,Fijians|Suva
Grenada||Grenadian,Grenadians|St George's
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Kiribati||I-Kiribati|Tarawa
Lesotho||Basotho,Mosotho|Maseru
Liechtenstein||Liechtensteiner|Vaduz
Maldives|The Maldives|Maldivian,Maldivians|Malé
Marshall Islands||Marshallese|Majuro
Mauritius||Mauritian,Mauritians|Port Louis
Micronesia|Federated States of Micronesia|Micronesian,Micronesians|Palikir
Monaco||Monégasque,Monegasque|Monaco
Nauru||Nauruan,Nauruans|Yaren
Palau||Palauan,Palauans|Ngerulmud
Saint Lucia|St Lucia,St. Lucia|Saint Lucian,Saint Lucians|Castries
Saint Vincent and the Grenadines|St Vincent,St Vincent and the Grenadines,St. Vincent and the Grenadines,St. Vincent|Vincentian,Vincentians|Kingstown
Samoa||Samoan,Samoans|Apia
San Marino||Sammarinese|San Marino
Seychelles|The Seychelles|Seychellois|
Solomon Islands|the Solomon Islands,Solomons|Solomon Islander,Solomon Islanders|Honiara
Suriname||Surinamese|Paramaribo
Timor-Leste|East Timor|Timorese|Dili
Tonga||Tongan,Tongans|Nuku'alofa
Tuvalu||Tuvaluan,Tuvaluans|Funafuti
Vanuatu||Ni-Vanuatu|Port Vila
Zambia||Zambian,Zambians|Lusaka
Zimbabwe||Zimbabwean,Zimbabweans|Harare`

// country is one line of countryTable.
type country struct {
	name    string
	capital []string
	abbrevs []string // the forms written in capitals: "US", "U.S."
}

var (
	countryByForm = map[string]*country{} // folded name or other name → country
	capitalOf     = map[string]*country{} // folded capital → country
	demonyms      = map[string]bool{}     // folded demonyms
)

func init() {
	for _, line := range strings.Split(countryTable, "\n") {
		f := strings.Split(line, "|")
		c := &country{name: f[0], capital: splitComma(f[3])}
		countryByForm[app.Fold(c.name)] = c
		for _, o := range splitComma(f[1]) {
			countryByForm[app.Fold(strings.TrimPrefix(o, "the "))] = c
			if isAllCaps(o) {
				c.abbrevs = append(c.abbrevs, o)
			}
		}
		for _, d := range splitComma(f[2]) {
			demonyms[app.Fold(d)] = true
		}
		for _, cap := range c.capital {
			if _, isCountry := countryByForm[app.Fold(cap)]; !isCountry {
				capitalOf[app.Fold(cap)] = c
			}
		}
	}
	// Capitals that are also country names (Djibouti, Singapore…) stay countries; the
	// loop above saw some capitals before their namesake country was read.
	for k := range capitalOf {
		if _, ok := countryByForm[k]; ok {
			delete(capitalOf, k)
		}
	}
}

// countryForm returns the state a name or abbreviation names. Written in capitals it must
// be one of the state's abbreviations ("US", "UAE"): "INDIA" names an alliance.
func countryForm(text string) (*country, bool) {
	return countryFormFolded(text, app.Fold(text))
}

// countryFormFolded is countryForm for a text already folded: it spares a fold per word.
func countryFormFolded(text, folded string) (*country, bool) {
	c, ok := countryByForm[folded]
	if !ok {
		return nil, false
	}
	if isAllCaps(text) && len([]rune(text)) > 1 {
		for _, form := range c.abbrevs {
			if form == text {
				return c, true
			}
		}
		return nil, false
	}
	return c, true
}

func splitComma(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// regions are places often named in political news that are not states, so are not
// suggested as actors by themselves.
var regions = words(`Kurdistan Catalonia Catalunya Crimea Donbas Donbass Gaza Darfur Kashmir Sahel
	Balkans Caucasus Sinai Tibet Xinjiang Idlib Nagorno-Karabakh Karabakh Anbar Nineveh Basra
	Levant Maghreb Sahara Europe Asia Africa Americas Latin Arctic Antarctica Scandinavia
	Middle Mideast Gulf Mediterranean Pacific Atlantic Indian Caribbean Eurasia Transnistria Abkhazia
	Chechnya Dagestan Tigray Amhara Oromia Punjab Sindh Balochistan Baluchistan Galicia
	Andalusia Bavaria Saxony Flanders Wallonia Corsica Quebec`)

// places are large cities that are not capitals and first-level regions (states,
// provinces) often named in news, by their folded full names. Alone they name where
// something is, not an actor; a name that holds one more word ("Texas Instruments",
// "Ontario Superior Court of Justice") is not one of them.
var places = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(placeList, "|") {
		if p = strings.TrimSpace(p); p != "" {
			m[app.Fold(p)] = true
		}
	}
	return m
}()

const placeList = `New York|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|
San Francisco|Seattle|Boston|Miami|Atlanta|Detroit|Denver|Austin|Las Vegas|New Orleans|
Texas|California|Florida|Ohio|Michigan|Pennsylvania|Arizona|Nevada|Oregon|Virginia|Carolina|
North Carolina|South Carolina|Alabama|Mississippi|Louisiana|Kentucky|Tennessee|Missouri|Iowa|
Minnesota|Wisconsin|Illinois|Indiana|Colorado|Utah|Montana|Idaho|Wyoming|Alaska|Hawaii|
Massachusetts|Connecticut|Maryland|Delaware|Vermont|Maine|Oklahoma|Kansas|Nebraska|Arkansas|
New Jersey|New Mexico|Toronto|Montreal|Vancouver|Calgary|Ontario|Alberta|British Columbia|
Manitoba|Saskatchewan|Nova Scotia|São Paulo|Rio de Janeiro|Salvador|Porto Alegre|Recife|
Minas Gerais|Bahia|Goiás|Guadalajara|Monterrey|Tijuana|Medellín|Cali|Guayaquil|Córdoba|
Rosario|Mendoza|Valparaíso|Antioquia|Shanghai|Guangzhou|Shenzhen|Chongqing|Tianjin|Wuhan|
Chengdu|Hong Kong|Macau|Guangdong|Sichuan|Hubei|Zhejiang|Jiangsu|Fujian|Yunnan|Mumbai|Kolkata|
Chennai|Bengaluru|Bangalore|Hyderabad|Ahmedabad|Pune|Lucknow|Kerala|Tamil Nadu|Karnataka|
Maharashtra|Gujarat|Bihar|Uttar Pradesh|Madhya Pradesh|West Bengal|Rajasthan|Karachi|Lahore|
Peshawar|Chittagong|Osaka|Yokohama|Nagoya|Kyoto|Busan|Incheon|Surabaya|Bandung|Medan|Cebu|
Davao|Ho Chi Minh City|Chiang Mai|Istanbul|Izmir|Antalya|Aleppo|Homs|Mosul|Basra|Erbil|
Jeddah|Mecca|Medina|Dubai|Isfahan|Mashhad|Tabriz|Alexandria|Casablanca|Marrakesh|Lagos|
Kano|Ibadan|Port Harcourt|Mombasa|Kisumu|Johannesburg|Durban|Cape Town|Soweto|Mpumalanga|
Gauteng|Dar es Salaam|Zanzibar|Goma|Lubumbashi|Benghazi|Misrata|Barcelona|Valencia|Seville|
Bilbao|Málaga|Extremadura|Castilla y León|Catalonia|Milan|Naples|Turin|Genoa|Florence|Venice|
Sicily|Sardinia|Lombardy|Liguria|Tuscany|Munich|Hamburg|Frankfurt|Cologne|Stuttgart|Leipzig|
Dresden|Düsseldorf|Lyon|Marseille|Toulouse|Nice|Bordeaux|Lille|Strasbourg|Geneva|Zurich|Basel|
Rotterdam|Antwerp|Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Leeds|Bristol|Belfast|
Cardiff|Gothenburg|Malmö|Bergen|Tromsø|Aarhus|Gdansk|Krakow|Kraków|Wrocław|Poznań|Lviv|
Kharkiv|Odesa|Odessa|Dnipro|Donetsk|Luhansk|Zaporizhzhia|Kherson|St Petersburg|Saint
Petersburg|Novosibirsk|Yekaterinburg|Kazan|Thessaloniki|Porto|Sydney|Melbourne|Brisbane|
Perth|Adelaide|Queensland|New South Wales|Victoria|Western Australia|Auckland|Christchurch|
Anhui|Gansu|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hunan|Jiangxi|Jilin|Liaoning|Qinghai|Shaanxi|
Shandong|Shanxi|Guangxi|Ningxia|Inner Mongolia|Hangzhou|Nanjing|Suzhou|Xiamen|Qingdao|Dalian|
Shenyang|Harbin|Zhengzhou|Changsha|Kunming|Ningbo|Dongguan|Foshan|Hefei|Jinan|Fuzhou|Nanning|
Guiyang|Lanzhou|Urumqi|Taiyuan|Shijiazhuang|Changchun|Nanchang|Wuxi|Zhuhai|Aceh|Riau|Jambi|
Lampung|Banten|Bengkulu|Gorontalo|Maluku|Papua|Bali|Java|Sumatra|Kalimantan|Sulawesi|East Java|
West Java|Central Java|Semarang|Makassar|Palembang|Batam|Balikpapan|Yogyakarta|Haiphong|Hai Phong|
Da Nang|Can Tho|Dong Nai|Binh Duong|Quang Ninh|Nghe An|Thanh Hoa|Bac Ninh|Kaduna|Ogun|Oyo|Enugu|
Anambra|Borno|Benue|Kwara|Katsina|Sokoto|Zamfara|Bauchi|Kogi|Ondo|Osun|Ekiti|Akwa Ibom|
Bayelsa|Yobe|Adamawa|Taraba|Gombe|Jigawa|Kebbi|Nasarawa|Ebonyi|Nakuru|Eldoret|Kiambu|Machakos|
Turkana|Garissa|Kakamega|Nyeri|Kilifi|Kwale|Lamu|Wajir|Mandera|Jalisco|Sonora|Chihuahua|
Oaxaca|Chiapas|Michoacán|Veracruz|Sinaloa|Tamaulipas|Nuevo León|Puebla|Coahuila|Zacatecas|
Yucatán|Quintana Roo|Baja California|Guanajuato|Querétaro|Tabasco|Campeche|Pará|Paraná|
Santa Catarina|Rio Grande do Sul|Pernambuco|Ceará|Maranhão|Mato Grosso|Espírito Santo|
Belo Horizonte|Curitiba|Fortaleza|Manaus|Belém|Santa Fe|Chubut|Neuquén|Salta|Jujuy|Tucumán|
Entre Ríos|Cauca|Valle del Cauca|Nariño|Chocó|Cundinamarca|Huila|Putumayo|Caquetá|Arauca|
Barranquilla|Cartagena|Bucaramanga|Cusco|Arequipa|Puno|Loreto|Piura|Cajamarca|Ayacucho|
Mindanao|Luzon|Visayas|Quezon City|Zamboanga|Iloilo|Odisha|Assam|Jharkhand|Chhattisgarh|
Telangana|Andhra Pradesh|Haryana|Uttarakhand|Himachal Pradesh|Manipur|Nagaland|Mizoram|
Tripura|Meghalaya|Goa|Jammu|Ladakh|Khyber Pakhtunkhwa|Gilgit-Baltistan|Quetta|Faisalabad|
Rawalpindi|Multan|Krasnodar|Rostov|Belgorod|Kursk|Bryansk|Tatarstan|Bashkortostan|
Vladivostok|Murmansk|Kaliningrad|Mykolaiv|Sumy|Chernihiv|Poltava|Vinnytsia`
