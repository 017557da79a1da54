// The corpus's word lists, written by hand for this project: about 80 common words per language
// in its own script, chosen so that each language's everyday sounds occur — numbers one to ten,
// family, home, food, nature, colours, common verbs and adjectives, and function words — with
// bilabials (p b m) and open and close vowels in every list. Japanese is in kana (espeak-ng 1.51
// reads kanji as "Chinese letter"), Arabic is vowelled (it guesses short vowels poorly without
// them), and Mandarin is read by the cmn-latn-pinyin voice (Debian's "cmn" voice speaks the tone
// digits of its pinyin as English numbers).
#include <sstream>

#include "train/TrainingCorpus.h"

namespace ps::train {
namespace {

std::vector<std::string> splitWords(const char* text) {
    std::istringstream stream(text);
    std::vector<std::string> words;
    for (std::string word; stream >> word;) {
        words.push_back(word);
    }
    return words;
}

CorpusLanguage language(const char* code, const char* voice, const char* name, const char* family,
                        const char* words, const char* comma = ",", const char* full_stop = ".",
                        const char* separator = " ") {
    return {code, voice, name, family, separator, comma, full_stop, splitWords(words)};
}

std::vector<CorpusLanguage> makeLanguages() {
    return {
        language("en", "en", "English", "Indo-European: Germanic",
                 "one two three four five six seven eight nine ten mother father baby boy girl "
                 "man woman friend people house home room door window table bed book paper pen "
                 "picture phone money music morning evening night day week time water milk bread "
                 "apple potato butter cheese fish flower tree mountain sea city street bus boat "
                 "park school work problem example big small good bad beautiful new old blue "
                 "brown warm cool tired thank please make speak play buy bring stay begin believe "
                 "eat drink go come see have be want always maybe but and with by about under not "
                 "very"),
        language("de", "de", "German", "Indo-European: Germanic",
                 "eins zwei drei vier fünf sechs sieben acht neun zehn Mutter Vater Baby Bruder "
                 "Schwester Mann Frau Kind Freund Familie Haus Zimmer Tür Fenster Tisch Bett Buch "
                 "Papier Bild Telefon Geld Musik Morgen Abend Nacht Tag Woche Zeit Wasser Milch "
                 "Brot Apfel Kartoffel Butter Käse Fisch Blume Baum Berg Meer Stadt Straße Bus "
                 "Boot Park Schule Arbeit Problem Beispiel groß klein gut schlecht schön neu alt "
                 "blau braun warm kalt müde danke bitte machen sprechen spielen kaufen bringen "
                 "bleiben beginnen glauben essen trinken gehen kommen sehen haben sein wollen "
                 "immer vielleicht aber und mit bei über unter nicht sehr"),
        language("nl", "nl", "Dutch", "Indo-European: Germanic",
                 "een twee drie vier vijf zes zeven acht negen tien moeder vader baby broer zus "
                 "man vrouw kind vriend mensen huis kamer deur raam tafel bed boek papier foto "
                 "telefoon geld muziek ochtend avond nacht dag week tijd water melk brood appel "
                 "aardappel boter kaas vis bloem boom berg zee stad straat bus boot park school "
                 "werk probleem voorbeeld groot klein goed slecht mooi nieuw oud blauw bruin warm "
                 "koud moe bedankt alstublieft maken spreken spelen kopen brengen blijven "
                 "beginnen geloven eten drinken gaan komen zien hebben zijn willen altijd "
                 "misschien maar en met bij over onder niet heel"),
        language("sv", "sv", "Swedish", "Indo-European: Germanic",
                 "en två tre fyra fem sex sju åtta nio tio mamma pappa bebis bror syster man "
                 "kvinna barn vän människor hus rum dörr fönster bord säng bok papper bild "
                 "telefon pengar musik morgon kväll natt dag vecka tid vatten mjölk bröd äpple "
                 "potatis smör ost fisk blomma träd berg hav stad gata buss båt park skola arbete "
                 "problem exempel stor liten bra dålig vacker ny gammal blå brun varm kall trött "
                 "tack snälla göra prata spela köpa bära stanna börja tro äta dricka gå komma se "
                 "ha vara vilja alltid kanske men och med på om under inte mycket"),
        language("fr", "fr", "French", "Indo-European: Romance",
                 "un deux trois quatre cinq six sept huit neuf dix mère père bébé frère sœur "
                 "homme femme enfant ami famille maison chambre porte fenêtre table lit livre "
                 "papier photo téléphone argent musique matin soir nuit jour semaine temps eau "
                 "lait pain pomme beurre fromage poisson fleur arbre montagne mer ville rue bus "
                 "bateau parc école travail problème exemple grand petit bon mauvais beau "
                 "nouveau vieux bleu brun chaud froid fatigué merci faire parler jouer acheter "
                 "apporter rester commencer penser manger boire aller venir voir avoir être "
                 "vouloir toujours peut-être mais et avec pour sans sur sous pas beaucoup"),
        language("es", "es", "Spanish", "Indo-European: Romance",
                 "uno dos tres cuatro cinco seis siete ocho nueve diez madre padre bebé hermano "
                 "hermana hombre mujer niño amigo familia casa habitación puerta ventana mesa "
                 "cama libro papel foto teléfono dinero música mañana tarde noche día semana "
                 "tiempo agua leche pan manzana patata mantequilla queso pescado flor árbol "
                 "montaña mar ciudad calle autobús barco parque escuela trabajo problema ejemplo "
                 "grande pequeño bueno malo bonito nuevo viejo azul marrón caliente frío cansado "
                 "gracias hacer hablar jugar comprar traer quedar empezar pensar comer beber ir "
                 "venir ver tener ser querer siempre quizás pero y con para sin sobre bajo no "
                 "mucho"),
        language("it", "it", "Italian", "Indo-European: Romance",
                 "uno due tre quattro cinque sei sette otto nove dieci madre padre bambino "
                 "fratello sorella uomo donna ragazzo amico famiglia casa camera porta finestra "
                 "tavolo letto libro carta foto telefono soldi musica mattina sera notte giorno "
                 "settimana tempo acqua latte pane mela patata burro formaggio pesce fiore "
                 "albero montagna mare città strada autobus barca parco scuola lavoro problema "
                 "esempio grande piccolo buono cattivo bello nuovo vecchio blu marrone caldo "
                 "freddo stanco grazie prego fare parlare giocare comprare portare restare "
                 "cominciare pensare mangiare bere andare venire vedere avere essere volere "
                 "sempre forse ma e con per senza sopra sotto non molto"),
        language("pt", "pt", "Portuguese", "Indo-European: Romance",
                 "um dois três quatro cinco seis sete oito nove dez mãe pai bebé irmão irmã "
                 "homem mulher criança amigo família casa quarto porta janela mesa cama livro "
                 "papel foto telefone dinheiro música manhã tarde noite dia semana tempo água "
                 "leite pão maçã batata manteiga queijo peixe flor árvore montanha mar cidade "
                 "rua autocarro barco parque escola trabalho problema exemplo grande pequeno bom "
                 "mau bonito novo velho azul castanho quente frio cansado obrigado fazer falar "
                 "brincar comprar trazer ficar começar pensar comer beber ir vir ver ter ser "
                 "querer sempre talvez mas e com para sem sobre debaixo não muito"),
        language("ro", "ro", "Romanian", "Indo-European: Romance",
                 "unu doi trei patru cinci șase șapte opt nouă zece mamă tată bebeluș frate soră "
                 "bărbat femeie copil prieten familie casă cameră ușă fereastră masă pat carte "
                 "hârtie poză telefon bani muzică dimineață seară noapte zi săptămână timp apă "
                 "lapte pâine măr cartof unt brânză pește floare copac munte mare oraș stradă "
                 "autobuz barcă parc școală muncă problemă exemplu înalt mic bun rău frumos nou "
                 "vechi albastru maro cald rece obosit mulțumesc face vorbi juca cumpăra aduce "
                 "rămâne începe crede mânca bea merge veni vedea avea fi vrea mereu poate dar și "
                 "cu pentru fără peste sub nu mult"),
        language("pl", "pl", "Polish", "Indo-European: Slavic",
                 "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć mama tata "
                 "dziecko brat siostra mężczyzna kobieta chłopiec przyjaciel rodzina dom pokój "
                 "drzwi okno stół łóżko książka papier zdjęcie telefon pieniądze muzyka rano "
                 "wieczór noc dzień tydzień czas woda mleko chleb jabłko ziemniak masło ser ryba "
                 "kwiat drzewo góra morze miasto ulica autobus łódź park szkoła praca problem "
                 "przykład duży mały dobry zły piękny nowy stary niebieski brązowy ciepły zimny "
                 "zmęczony dziękuję proszę robić mówić grać kupować przynieść zostać zaczynać "
                 "myśleć jeść pić iść przyjść widzieć mieć być chcieć zawsze może ale i z dla bez "
                 "nad pod nie bardzo"),
        language("cs", "cs", "Czech", "Indo-European: Slavic",
                 "jedna dva tři čtyři pět šest sedm osm devět deset máma táta dítě bratr sestra "
                 "muž žena kluk přítel rodina dům pokoj dveře okno stůl postel kniha papír "
                 "obrázek telefon peníze hudba ráno večer noc den týden čas voda mléko chléb "
                 "jablko brambor máslo sýr ryba květina strom hora moře město ulice autobus loď "
                 "park škola práce problém příklad velký malý dobrý špatný krásný nový starý "
                 "modrý hnědý teplý studený unavený děkuji prosím dělat mluvit hrát koupit "
                 "přinést zůstat začít myslet jíst pít jít přijít vidět mít být chtít vždycky "
                 "možná ale a s pro bez nad pod ne moc"),
        language("ru", "ru", "Russian", "Indo-European: Slavic",
                 "один два три четыре пять шесть семь восемь девять десять мама папа ребёнок "
                 "брат сестра мужчина женщина мальчик друг семья дом комната дверь окно стол "
                 "кровать книга бумага фото телефон деньги музыка утро вечер ночь день неделя "
                 "время вода молоко хлеб яблоко картошка масло сыр рыба цветок дерево гора море "
                 "город улица автобус лодка парк школа работа проблема пример большой маленький "
                 "хороший плохой красивый новый старый синий коричневый тёплый холодный усталый "
                 "спасибо пожалуйста делать говорить играть покупать принести остаться начинать "
                 "думать есть пить идти прийти видеть иметь быть хотеть всегда может но и с для "
                 "без над под не очень"),
        language("uk", "uk", "Ukrainian", "Indo-European: Slavic",
                 "один два три чотири п'ять шість сім вісім дев'ять десять мама тато дитина брат "
                 "сестра чоловік жінка хлопчик друг родина будинок кімната двері вікно стіл "
                 "ліжко книга папір фото телефон гроші музика ранок вечір ніч день тиждень час "
                 "вода молоко хліб яблуко картопля масло сир риба квітка дерево гора море місто "
                 "вулиця автобус човен парк школа робота проблема приклад великий малий добрий "
                 "поганий гарний новий старий синій коричневий теплий холодний втомлений дякую "
                 "будь ласка робити говорити грати купувати принести залишитися починати думати "
                 "їсти пити йти прийти бачити мати бути хотіти завжди можливо але і з для без "
                 "над під не дуже"),
        language("el", "el", "Greek", "Indo-European: Hellenic",
                 "ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ εννέα δέκα μαμά μπαμπάς μωρό αδελφός "
                 "αδελφή άντρας γυναίκα παιδί φίλος οικογένεια σπίτι δωμάτιο πόρτα παράθυρο "
                 "τραπέζι κρεβάτι βιβλίο χαρτί φωτογραφία τηλέφωνο λεφτά μουσική πρωί βράδυ "
                 "νύχτα μέρα εβδομάδα χρόνος νερό γάλα ψωμί μήλο πατάτα βούτυρο τυρί ψάρι "
                 "λουλούδι δέντρο βουνό θάλασσα πόλη δρόμος λεωφορείο βάρκα πάρκο σχολείο δουλειά "
                 "πρόβλημα παράδειγμα μεγάλος μικρός καλός κακός όμορφος καινούργιος παλιός μπλε "
                 "καφέ ζεστός κρύος κουρασμένος ευχαριστώ παρακαλώ κάνω μιλάω παίζω αγοράζω φέρνω "
                 "μένω αρχίζω πιστεύω τρώω πίνω πηγαίνω έρχομαι βλέπω έχω είμαι θέλω πάντα ίσως "
                 "αλλά και με για χωρίς πάνω κάτω όχι πολύ"),
        language("tr", "tr", "Turkish", "Turkic",
                 "bir iki üç dört beş altı yedi sekiz dokuz on anne baba bebek kardeş abla adam "
                 "kadın çocuk arkadaş aile ev oda kapı pencere masa yatak kitap kağıt resim "
                 "telefon para müzik sabah akşam gece gün hafta zaman su süt ekmek elma patates "
                 "tereyağı peynir balık çiçek ağaç dağ deniz şehir sokak otobüs bot park okul iş "
                 "sorun örnek büyük küçük iyi kötü güzel yeni eski mavi kahverengi sıcak soğuk "
                 "yorgun teşekkürler lütfen yapmak konuşmak oynamak almak getirmek kalmak "
                 "başlamak düşünmek yemek içmek gitmek gelmek görmek olmak istemek her zaman "
                 "belki ama ve ile için üstünde altında değil çok bebekler"),
        language("fi", "fi", "Finnish", "Uralic: Finnic",
                 "yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan yhdeksän kymmenen äiti "
                 "isä vauva veli sisko mies nainen lapsi ystävä perhe talo huone ovi ikkuna pöytä "
                 "sänky kirja paperi kuva puhelin raha musiikki aamu ilta yö päivä viikko aika "
                 "vesi maito leipä omena peruna voi juusto kala kukka puu vuori meri kaupunki katu "
                 "bussi vene puisto koulu työ ongelma esimerkki iso pieni hyvä huono kaunis uusi "
                 "vanha sininen ruskea lämmin kylmä väsynyt kiitos tehdä puhua pelata ostaa tuoda "
                 "jäädä aloittaa uskoa syödä juoda mennä tulla nähdä olla haluta aina ehkä mutta "
                 "ja kanssa ilman päällä alla ei paljon mummo pappa banaani baari"),
        language("hu", "hu", "Hungarian", "Uralic: Ugric",
                 "egy kettő három négy öt hat hét nyolc kilenc tíz anya apa baba fiú lány férfi "
                 "nő gyerek barát család ház szoba ajtó ablak asztal ágy könyv papír kép telefon "
                 "pénz zene reggel este éjszaka nap idő víz tej kenyér alma krumpli vaj sajt hal "
                 "virág fa hegy tenger város utca busz hajó park iskola munka probléma példa nagy "
                 "kicsi jó rossz szép új régi kék barna meleg hideg fáradt köszönöm kérem csinál "
                 "beszél játszik vesz hoz marad kezd gondol eszik iszik megy jön lát van akar "
                 "mindig talán de és vagy nélkül fölött alatt nem nagyon mama papa"),
        language("id", "id", "Indonesian", "Austronesian: Malayo-Polynesian",
                 "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh ibu bapak bayi "
                 "kakak adik laki perempuan anak teman keluarga rumah kamar pintu jendela meja "
                 "tempat tidur buku kertas foto telepon uang musik pagi sore malam hari minggu "
                 "waktu air susu roti apel kentang mentega keju ikan bunga pohon gunung laut kota "
                 "jalan bis perahu taman sekolah pekerjaan masalah contoh besar kecil baik buruk "
                 "cantik baru lama biru cokelat panas dingin capek terima kasih tolong membuat "
                 "berbicara bermain membeli membawa tinggal mulai percaya makan minum pergi "
                 "datang melihat punya ada mau selalu mungkin tetapi dan dengan untuk tanpa atas "
                 "bawah tidak banyak"),
        language("vi", "vi", "Vietnamese", "Austroasiatic: Vietic",
                 "một hai ba bốn năm sáu bảy tám chín mười mẹ bố em bé anh chị đàn ông phụ nữ con "
                 "bạn gia đình nhà phòng cửa sổ bàn giường sách giấy ảnh điện thoại tiền âm nhạc "
                 "buổi sáng tối đêm ngày tuần thời gian nước sữa bánh mì táo khoai tây bơ phô mai "
                 "cá hoa cây núi biển thành phố đường xe buýt thuyền công viên trường học việc vấn "
                 "đề ví dụ lớn nhỏ tốt xấu đẹp mới cũ xanh nâu nóng lạnh mệt cảm ơn làm nói chơi "
                 "mua mang ở bắt đầu tin ăn uống đi đến nhìn có là muốn luôn lẽ nhưng và với cho "
                 "không trên dưới nhiều"),
        language("cmn", "cmn-latn-pinyin", "Mandarin Chinese", "Sino-Tibetan: Sinitic",
                 "一 二 三 四 五 六 七 八 九 十 妈妈 爸爸 宝宝 哥哥 姐姐 男人 女人 孩子 朋友 家 "
                 "房子 房间 门 窗户 桌子 床 书 纸 照片 电话 钱 音乐 早上 晚上 夜 天 星期 时间 "
                 "水 牛奶 面包 苹果 土豆 米饭 面条 鱼 花 树 山 海 城市 街 公共汽车 船 公园 学校 "
                 "工作 问题 比如 大 小 好 坏 漂亮 新 旧 蓝色 白色 热 冷 累 谢谢 请 做 说 玩 买 "
                 "带 留 开始 相信 吃 喝 去 来 看 有 是 要 总是 也许 但是 和 跟 为了 没有 上面 "
                 "下面 不 很 帮忙 便宜 包子",
                 "，", "。", ""),
        language(
            "ja", "ja", "Japanese", "Japonic",
            "いち に さん よん ご ろく なな はち きゅう じゅう おかあさん おとうさん あかちゃん "
            "あに あね おとこ おんな こども ともだち かぞく いえ へや ドア まど テーブル ベッド "
            "ほん かみ しゃしん でんわ おかね おんがく あさ ばん よる ひ しゅう じかん みず "
            "ぎゅうにゅう パン りんご じゃがいも バター チーズ さかな はな き やま うみ まち "
            "みち バス ふね こうえん がっこう しごと もんだい れい おおきい ちいさい いい "
            "わるい きれい あたらしい ふるい あおい ちゃいろ あつい さむい つかれた ありがとう "
            "おねがい する はなす あそぶ かう もってくる いる はじめる しんじる たべる のむ "
            "いく くる みる ある ほしい いつも たぶん でも と ために なしで うえ した ない "
            "とても",
            "、", "。", ""),
        language("ko", "ko", "Korean", "Koreanic",
                 "하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 엄마 아빠 아기 형 누나 남자 여자 아이 "
                 "친구 가족 집 방 문 창문 탁자 침대 책 종이 사진 전화 돈 음악 아침 저녁 밤 날 주 "
                 "시간 물 우유 빵 사과 감자 버터 치즈 생선 꽃 나무 산 바다 도시 거리 버스 배 공원 "
                 "학교 일 문제 예 크다 작다 좋다 나쁘다 예쁘다 새롭다 오래되다 파란색 갈색 뜨겁다 "
                 "춥다 피곤하다 감사합니다 부탁합니다 하다 말하다 놀다 사다 가져오다 머물다 "
                 "시작하다 믿다 먹다 마시다 가다 오다 보다 있다 원하다 항상 아마 하지만 그리고 "
                 "함께 위해 없이 위 아래 아니 많이 바람"),
        language("hi", "hi", "Hindi", "Indo-European: Indo-Aryan",
                 "एक दो तीन चार पाँच छह सात आठ नौ दस माँ पिता बच्चा भाई बहन आदमी औरत लड़का दोस्त "
                 "परिवार घर कमरा दरवाज़ा खिड़की मेज़ बिस्तर किताब कागज़ तस्वीर फ़ोन पैसा संगीत "
                 "सुबह शाम रात दिन हफ़्ता समय पानी दूध रोटी सेब आलू मक्खन पनीर मछली फूल पेड़ "
                 "पहाड़ समुद्र शहर सड़क बस नाव बगीचा स्कूल काम समस्या उदाहरण बड़ा छोटा अच्छा "
                 "बुरा सुंदर नया पुराना नीला भूरा गरम ठंडा थका धन्यवाद कृपया करना बोलना खेलना "
                 "खरीदना लाना रहना शुरू मानना खाना पीना जाना आना देखना होना चाहना हमेशा शायद "
                 "लेकिन और साथ लिए बिना ऊपर नीचे नहीं बहुत पापा",
                 ",", "।"),
        language("bn", "bn", "Bengali", "Indo-European: Indo-Aryan",
                 "এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ মা বাবা শিশু ভাই বোন পুরুষ মহিলা ছেলে "
                 "বন্ধু পরিবার বাড়ি ঘর দরজা জানালা টেবিল বিছানা বই কাগজ ছবি ফোন টাকা গান সকাল "
                 "সন্ধ্যা রাত দিন সপ্তাহ সময় পানি দুধ রুটি আপেল আলু মাখন পনির মাছ ফুল গাছ "
                 "পাহাড় সমুদ্র শহর রাস্তা বাস নৌকা বাগান স্কুল কাজ সমস্যা উদাহরণ বড় ছোট ভালো "
                 "খারাপ সুন্দর নতুন পুরানো নীল বাদামি গরম ঠান্ডা ক্লান্ত ধন্যবাদ দয়া করা বলা "
                 "খেলা কেনা আনা থাকা শুরু বিশ্বাস খাওয়া পান যাওয়া আসা দেখা হওয়া চাওয়া সবসময় "
                 "হয়তো কিন্তু এবং সাথে জন্য ছাড়া উপরে নিচে না অনেক",
                 ",", "।"),
        language("ar", "ar", "Arabic", "Afro-Asiatic: Semitic",
                 "وَاحِد اِثْنَان ثَلَاثَة أَرْبَعَة خَمْسَة سِتَّة سَبْعَة ثَمَانِيَة تِسْعَة "
                 "عَشَرَة أُمّ أَب طِفْل أَخ أُخْت رَجُل اِمْرَأَة وَلَد صَدِيق عَائِلَة بَيْت "
                 "غُرْفَة بَاب نَافِذَة طَاوِلَة سَرِير كِتَاب وَرَقَة صُورَة هَاتِف مَال "
                 "مُوسِيقَى صَبَاح مَسَاء لَيْل يَوْم أُسْبُوع وَقْت مَاء حَلِيب خُبْز تُفَّاح "
                 "بَطَاطَا زُبْدَة جُبْن سَمَك زَهْرَة شَجَرَة جَبَل بَحْر مَدِينَة شَارِع "
                 "حَافِلَة قَارِب حَدِيقَة مَدْرَسَة عَمَل مُشْكِلَة مِثَال كَبِير صَغِير جَيِّد "
                 "سَيِّئ جَمِيل جَدِيد قَدِيم أَزْرَق بُنِّيّ حَارّ بَارِد مُتْعَب شُكْرًا "
                 "فَعَلَ تَكَلَّمَ لَعِبَ اِشْتَرَى أَحْضَرَ بَقِيَ بَدَأَ آمَنَ أَكَلَ شَرِبَ "
                 "ذَهَبَ جَاءَ رَأَى كَانَ أَرَادَ دَائِمًا رُبَّمَا لَكِنْ مَعَ إِلَى بِدُون "
                 "فَوْق تَحْت لَا كَثِيرًا بَابَا مَامَا",
                 "،", "."),
        language("fa", "fa", "Persian", "Indo-European: Iranian",
                 "یک دو سه چهار پنج شش هفت هشت نه ده مادر پدر بچه برادر خواهر مرد زن پسر دوست "
                 "خانواده خانه اتاق در پنجره میز تخت کتاب کاغذ عکس تلفن پول موسیقی صبح عصر شب روز "
                 "هفته زمان آب شیر نان سیب گوجه کره پنیر ماهی گل درخت کوه دریا شهر خیابان اتوبوس "
                 "قایق پارک مدرسه کار مشکل مثال بزرگ کوچک خوب بد زیبا نو کهنه آبی گرم سرد خسته "
                 "ممنون لطفا کردن گفتن بازی خریدن آوردن ماندن شروع باور خوردن نوشیدن رفتن آمدن "
                 "دیدن داشتن بودن خواستن همیشه شاید اما و با برای بدون بالا پایین خیلی بابا مامان",
                 "،", "."),
        language("sw", "sw", "Swahili", "Niger-Congo: Bantu",
                 "moja mbili tatu nne tano sita saba nane tisa kumi mama baba mtoto kaka dada "
                 "mwanamume mwanamke mvulana rafiki familia nyumba chumba mlango dirisha meza "
                 "kitanda kitabu karatasi picha simu pesa muziki asubuhi jioni usiku siku wiki "
                 "wakati maji maziwa mkate tufaha viazi siagi jibini samaki ua mti mlima bahari "
                 "mji barabara basi mashua bustani shule kazi tatizo mfano kubwa ndogo nzuri "
                 "mbaya mrembo mpya zamani bluu kahawia moto baridi uchovu asante tafadhali fanya "
                 "sema cheza nunua leta kaa anza amini kula kunywa enda kuja ona kuwa taka daima "
                 "labda lakini na pamoja kwa bila juu chini hapana sana"),
        language("ta", "ta", "Tamil", "Dravidian",
                 "ஒன்று இரண்டு மூன்று நான்கு ஐந்து ஆறு ஏழு எட்டு ஒன்பது பத்து அம்மா அப்பா "
                 "குழந்தை அண்ணன் அக்கா ஆண் பெண் பையன் நண்பன் குடும்பம் வீடு அறை கதவு ஜன்னல் "
                 "மேசை படுக்கை புத்தகம் காகிதம் படம் தொலைபேசி பணம் இசை காலை மாலை இரவு நாள் "
                 "வாரம் நேரம் தண்ணீர் பால் ரொட்டி ஆப்பிள் உருளைக்கிழங்கு வெண்ணெய் மீன் பூ மரம் "
                 "மலை கடல் நகரம் தெரு பேருந்து படகு பூங்கா பள்ளி வேலை பிரச்சனை உதாரணம் பெரிய "
                 "சிறிய நல்ல கெட்ட அழகான புதிய பழைய நீலம் பழுப்பு சூடான குளிர் களைப்பு நன்றி "
                 "தயவுசெய்து செய் பேசு விளையாடு வாங்கு கொண்டுவா இரு தொடங்கு நம்பு சாப்பிடு குடி "
                 "போ வா பார் உண்டு வேண்டும் எப்போதும் ஒருவேளை ஆனால் மற்றும் உடன் இல்லாமல் மேலே "
                 "கீழே இல்லை நிறைய"),
        language("ka", "ka", "Georgian", "Kartvelian",
                 "ერთი ორი სამი ოთხი ხუთი ექვსი შვიდი რვა ცხრა ათი დედა მამა ბავშვი ძმა და კაცი "
                 "ქალი ბიჭი მეგობარი ოჯახი სახლი ოთახი კარი ფანჯარა მაგიდა საწოლი წიგნი ქაღალდი "
                 "სურათი ტელეფონი ფული მუსიკა დილა საღამო ღამე დღე კვირა დრო წყალი რძე პური "
                 "ვაშლი კარტოფილი კარაქი ყველი თევზი ყვავილი ხე მთა ზღვა ქალაქი ქუჩა ავტობუსი "
                 "ნავი პარკი სკოლა სამუშაო პრობლემა მაგალითი დიდი პატარა კარგი ცუდი ლამაზი ახალი "
                 "ძველი ლურჯი ყავისფერი ცხელი ცივი დაღლილი მადლობა გთხოვთ კეთება ლაპარაკი თამაში "
                 "ყიდვა მოტანა დარჩენა დაწყება რწმენა ჭამა სმა წასვლა მოსვლა ნახვა ყოფნა სურვილი "
                 "ყოველთვის ალბათ მაგრამ ერთად გარეშე ზემოთ ქვემოთ არა ძალიან ბაბუა ბებია"),
        language("eu", "eu", "Basque", "Language isolate",
                 "bat bi hiru lau bost sei zazpi zortzi bederatzi hamar ama aita haurra anaia "
                 "arreba gizona emakumea mutila laguna familia etxea gela atea leihoa mahaia ohea "
                 "liburua papera argazkia telefonoa dirua musika goiza arratsaldea gaua eguna "
                 "astea denbora ura esnea ogia sagarra patata gurina gazta arraina lorea "
                 "zuhaitza mendia itsasoa hiria kalea autobusa itsasontzia parkea eskola lana "
                 "arazoa adibidea handia txikia ona txarra polita berria zaharra urdina marroia "
                 "beroa hotza nekatuta eskerrik mesedez egin hitz jolastu erosi ekarri gelditu "
                 "hasi sinetsi jan edan joan etorri ikusi izan nahi beti agian baina eta gabe "
                 "gainean azpian ez asko babarrunak"),
    };
}

}  // namespace

const std::vector<CorpusLanguage>& corpusLanguages() {
    static const std::vector<CorpusLanguage> languages = makeLanguages();
    return languages;
}

}  // namespace ps::train
