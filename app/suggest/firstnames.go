package suggest

// firstNames is a gazetteer of common given names in the languages of international news
// (English, French, German, Dutch, Scandinavian, Italian, Spanish, Portuguese, Slavic,
// Baltic, Hungarian, Romanian, Greek, Turkish, Arabic, Persian, Kurdish, South Asian,
// East and South-East Asian, African). A name that starts with one is a person's even
// with no title or verb around it: "Agata Sroka answered…". A first name also overrides
// the weak place clues to/at/from ("a message to Mariam Idris").
var firstNames = words(`
	james john robert michael william david richard joseph thomas charles christopher daniel
	matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
	ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
	scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
	tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter
	christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan
	jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell vincent
	philip bobby johnny bradley roy ralph randy wayne howard marcus graham hugh ian neil
	simon martin colin nigel oliver harry jamie rory declan ronan eoin liam conor cian
	niall seamus ed ma.
	mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
	betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
	deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
	pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
	catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
	christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
	ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise
	amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
	marie kayla alexis lori jenna claire fiona siobhan aoife niamh ruth carla lotte
	jean-pierre jean-luc jean-marc jacques pierre francois françois philippe michel alain
	bernard patrick nicolas olivier christophe eric laurent stephane sebastien julien
	emmanuel benoit benoît thierry didier gerard gérard yves luc marc sylvie nathalie
	isabelle catherine sophie valerie valérie christine brigitte celine céline elodie
	marine segolene ségolène anne agnes agnès manon chloe camille lea léa ines inès
	hans klaus jurgen jürgen wolfgang helmut friedrich karl heinz gerhard dieter uwe jorg
	jörg stefan stephan matthias tobias lukas lars jens sven olaf markus andreas frank
	angela ursula ingrid helga gisela sabine petra annalena margarethe greta jutta katrin
	willem jan pieter piet johannes joost henk geert mark sanne lieke femke anouk annelies
	erik lars nils bjorn björn magnus olav per anders mikael mika matti jukka sanna ilse
	ingrid astrid sigrid karin kristina liv maja linnea hanna elin pekka antti timo
	giuseppe giovanni antonio mario luigi francesco roberto paolo marco matteo lorenzo
	alessandro andrea stefano sergio giorgio carlo enrico silvio giorgia giulia chiara
	francesca elena laura paola valentina federica alessandra sofia martina
	jose josé juan carlos luis miguel javier jorge pedro pablo alejandro fernando ramon
	ramón rafael manuel francisco sergio alberto enrique diego andres andrés gustavo
	ricardo eduardo hector héctor raul raúl nicolas nicolás gabriel felipe santiago
	maria maría carmen ana isabel lucia lucía dolores pilar teresa rosa elena yolanda
	javiera claudia gabriela daniela valentina camila paula mariana beatriz ines
	joao joão antonio paulo luiz lula jair fernando rodrigo tiago thiago marcelo vitor
	fabio fábio flavio flávio renan dilma marina simone gleisi
	vladimir sergei sergey dmitry dmitri alexei alexey andrei andrey mikhail nikolai ivan
	yuri igor oleg boris viktor viktoria pavel maxim anton roman ruslan kirill vyacheslav
	volodymyr oleksandr oleksii oleksiy petro taras bohdan andriy mykola yulia olena
	iryna natalia natalya tatiana tatyana svetlana olga maria anna ekaterina yekaterina
	irina elvira valentina lyudmila
	tomasz piotr pawel paweł andrzej krzysztof marek jaroslaw jarosław donald rafal
	rafał wojciech agata agnieszka katarzyna malgorzata małgorzata magdalena joanna
	jan petr pavel milos miloš vaclav václav tomas tomáš ondrej andrej robert zuzana
	jovan milan aleksandar dragan goran zoran nikola marko vucic vesna ana milica
	selma nermin emir adnan amra lejla mirsad denis
	viktor peter peter gabor gábor laszlo lászló zoltan zoltán istvan istván mate máté
	katalin judit eszter anna
	vasile ion mihai andrei nicolae gheorghe klaus irina maia elena ioana
	giorgos georgios kostas konstantinos nikos dimitris alexis kyriakos andreas maria eleni
	recep mehmet mustafa ahmet ali hakan omer ömer kemal ekrem mansur devlet fatih murat
	emre burak cem ozgur özgür selahattin ayse ayşe fatma zeynep elif meral pervin
	mohammed mohammad muhammad mohamed ahmed ahmad ali hassan hussein husain hussain omar
	umar abdullah abdul abdel abd khalid khaled ibrahim youssef yusuf yousef mahmoud
	mahmud mustafa hamid hamed karim kareem rashid said saeed salim salem samir sami tariq
	walid jamal faisal fahd nasser nasir majed majid adel fadi bashar hafez haidar haider
	hayder nouri nuri qais muqtada ammar hadi faleh falih sabah zaid ziad anwar hamza
	bilal idris idriss moussa musa yahya naim nabil nabih emad imad osama usama tarek
	abdelaziz abdel-aziz
	fatima aisha aisha mariam maryam layla leila noor nour rania hanan huda amal salma
	zainab zeinab dina lina sara hala yasmin yasmine rasha reem
	hassan reza mohsen masoud massoud javad mahmoud ebrahim abbas ali-akbar akbar hossein
	mojtaba esmaeil ismail kazem mehdi majid saeed farhad parisa shirin narges nasrin
	masoud nechirvan masrour bafel qubad barham karwan kamal hoshyar fuad
	narendra rahul sonia priyanka amit arvind mamata anil sunil suresh ramesh rajesh
	rakesh vijay ajay sanjay manoj ashok prakash kavita rekha priya sunita anita pooja
	devika neha deepak imran nawaz shehbaz shahbaz bilawal asif maryam benazir sheikh
	hasina khaleda muhammad yunus
	xi li wang zhang liu chen yang zhao huang zhou wu wei jun ming hui hua lin
	shinzo fumio yoshihide shigeru taro kenji hiroshi takeshi yuki yoko
	park kim lee yoon moon han kang choi jung
	ferdinand rodrigo sara leni bongbong jose maria
	aung min nay thein win hla
	joko prabowo anies ganjar
	abiy debretsion getachew yemane mulatu sahle-work
	william uhuru raila kenyatta cyril jacob nelson thabo julius paul yoweri samia
	emmerson nana bola muhammadu goodluck olusegun ngozi abdel-fattah
	nadia lena natasha nina vera eva ella mia zoe chloé hélène louise alice agathe
	bidzina irakli giorgi mikheil salome nino tamar davit levan nikol armen serzh ilham
	kassym-jomart nursultan shavkat emomali sadyr
	bill bob bobby doug mike jim jimmy tom tommy pete dan danny dave steve chris ben sam
	tim tony andy nick matt rob ron ted ken greg jeff rick dick bernie chuck hank jack
	joe jon josh zach alex max will tina kate katie liz beth sue jen jenny meg nan pat
	kathy cathy debbie becky vicky
	hiroto haruto yuto sota yusuke daisuke takashi kenta shota ryota kazuki naoki tomoko
	keiko akiko yumiko naoko haruka yui aoi sakura mei satoshi masato hideki ichiro koji
	minho jisoo jiwoo seojun minjun hyun-woo ji-hoon soo-jin eun-ji hye-jin
	babatunde tunde olumide oluwaseun adebayo adewale chukwuemeka chinedu emeka obinna
	nnamdi ikenna chiamaka ngozi adaeze chioma amaka funmilayo folake yetunde aisha
	abubakar usman aminu musa ibrahim yakubu bukola kemi
	tesfaye getachew haile alemayehu berhane dawit yohannes mesfin tewodros abebe almaz
	tigist meseret hirut selamawit genet mulu aster
	wanjiru nduta wambui njeri akinyi atieno achieng wairimu eliud kipchoge kiprono
	kiptoo otieno odhiambo ochieng mwangi kamau njoroge baraka juma amani neema zawadi
	ion ionut ionuț sorin cristian florin bogdan catalin cătălin dragos dragoș razvan
	răzvan adrian ovidiu liviu marius alin mircea valentin andreea alina mihaela
	cristina roxana oana raluca simona daniela gabriela loredana
	joaquim filipa joana rita catarina ines inês mariana beatriz leonor duarte goncalo
	gonçalo afonso tomas tomás rui nuno vasco sérgio sergio helder hélder
	budi agus bambang dewi ayu siti sri putri wahyu rizky fajar arief hendra indra
	nurul rina yanti meutia retno made wayan ketut komang
	nguyen minh anh thanh tuan hung duc linh huong lan somchai somsak siriporn
	yannick yann guillaume mathieu maxime antoine hugo louis arthur clement clément
	sandrine aurelie aurélie emilie émilie pauline juliette margaux
	sherif ashraf osama amr tamer hany wael mostafa moustafa mahmoud hisham alaa
	friederike hannelore wiebke annegret heike ulrike
	zbigniew grzegorz marcin jakub kamil łukasz lukasz mateusz michał michal bartosz przemysław
	dariusz mirosław janusz tadeusz kazimierz stanisław stanislaw bożena ewa dorota beata monika
	justyna aleksandra zofia halina grażyna jiří jiri lukáš zdeněk radek vladimír jana hana lenka
	lucie veronika alžbeta alzbeta ľubica juraj bence balázs balazs péter attila ferenc tamás
	tamas zsolt csaba levente gergely krisztina zsófia zsofia erzsébet ildikó réka orsolya enikő
	maarten jeroen sander wouter thijs ruud gerrit marieke germán reynaldo rogelio ezequiel
	eusebia rosmery wilma mauricio patricio gonzalo ignacio joaquín joaquin sebastián matías
	esteban hernán hernan rubén ruben ramiro alfredo arturo óscar oscar ernesto efraín efrain
	wilber nilo elmer edwin wilson marisol fernanda ximena milagros gladys norma silvia rocío
	jordi josep oriol núria nuria montserrat mireia laia vítor conceição haruna hadiza bilkisu
	hauwa halima garba sani hemi rawiri rāwiri wiremu aroha inoke jone hüseyin serkan emine merve
	lasha nika elnur rashad leyla aysel farid marit kari sindre knut bjørn günter gunter horst
	rainer felix florian birgit maricel rowena lorna edgardo rolando danilo xasan faarax maryan
	sahra rudi eko dian
	`)
