// `salastus --help`, `salastus check --help`, `salastus explain --help`, `salastus stamp --help` (LANGUAGE.md § 10):
// every option and exit status, in English and Estonian, at most 80 characters a line.
import { MAX_CORES_FOR_ONE_THREAD, MIN_BYTES_FOR_THREADS, MIN_FILES_FOR_THREADS } from './check-files.ts';
import type { Lang } from './messages.ts';

export type HelpTopic = 'salastus' | 'check' | 'explain' | 'stamp';

const MB = MIN_BYTES_FOR_THREADS / 1048576;

const EN: Record<HelpTopic, string> = {
  salastus: `Usage:
  salastus check [options] PATH...   check .salastus files and folders
  salastus explain BASIS             what the Act says of a clause: "§ 7 p 3"
  salastus stamp PATH [ID...]        the stamps of markings, by the law
  salastus --version                 the version
  salastus --help                    this help

Salastus checks classification decisions and markings against the State
Secrets and Classified Information of Foreign States Act (RSVS).
'salastus check --help', 'salastus explain --help' and 'salastus stamp --help'
give every option and exit status; --lang et gives the help and the messages
in Estonian.
`,
  check: `Usage: salastus check [options] PATH...

Checks every .salastus file in the files and folders given (a folder with its
sub-folders) against the State Secrets Act, resolving references across all
of them, and reports what is wrong, citing the section of the Act.

Options:
  --format FORMAT     how to report (default: text):
                        text    one line per finding, FILE:LINE:COL: SEVERITY
                                CODE MESSAGE, then a summary on stderr
                        json    one JSON array (lines and characters 0-based)
                        sarif   a SARIF 2.1.0 log, for code-scanning tools
                        github  GitHub Actions annotations
  --today YYYY-MM-DD  check as of this day (default: today); DD.MM.YYYY too
  --lang en|et        the language of the messages (default: en)
  --registry FILE     more institutions and authorities: a JSON file shaped
                      like server/src/law/data/registry.json
  --jobs N            read, parse and check with N threads (default: the
                      number of cores, but 1 on a machine of ${MAX_CORES_FOR_ONE_THREAD} cores or
                      fewer, where threads are slower); fewer than ${MIN_FILES_FOR_THREADS} files or
                      less than ${MB} MB are checked in one thread. The report is
                      the same whatever N.
  -q, --quiet         leave out the summary and the progress line
  -h, --help          print this help

On a terminal, a line on stderr shows how many files are read and checked; it
is gone when the report begins. Not in a pipe, a file or CI (CI set).

Exit status:
  0  no error found (there may be warnings and notes)
  1  an error found
  2  the check could not run: a bad option, or a path that cannot be read or
     holds no .salastus file; the reason is on stderr
`,
  explain: `Usage: salastus explain [--lang en|et] BASIS

Prints what the State Secrets Act says of a clause of §§ 6–10, the sections
that list what may be classified: its text, the levels it allows, its longest
term, when classification ends early, since when it is in force. Given a
section alone, it lists the section's clauses, one line each.

BASIS as a decision writes it: "§ 7 p 3", "§ 7 p 5¹" (or 5^1), "7 p 3",
"§ 7 punkt 3", "7.3"; or a section: "§ 7".

Options:
  --lang en|et   the language of the explanation (default: en); the Act's
                 own words are its English translation
  -h, --help     print this help

Exit status:
  0  explained
  2  no such clause or section in §§ 6–10, or a bad option; the reason is on
     stderr
`,
  stamp: `Usage: salastus stamp [options] PATH [ID...]

Prints the stamp of each marking in PATH (a .salastus file, or a folder with
its sub-folders): of the markings whose ids are given, in that order, or of
every marking. A stamp is what is printed on the classified medium (RSVS
§ 37(1)): its level, foreign marking, classified since, basis, until, circle
of access and declassification, in English and Estonian. The level and until
are the law's, computed from the marking's parts and their decisions as they
stand on --today (extensions and corrections included), never copied from the
block: where the block says otherwise, the stamp carries the law's values and
each difference is said on stderr.

Options:
  --format FORMAT     what to print (default: text):
                        text  each stamp in the --lang language, then in the
                              other
                        html  one self-contained printable page (no script,
                              nothing loaded from elsewhere): the level large
                              on top, both languages side by side; print it,
                              or copy it from a browser into a word processor
  --today YYYY-MM-DD  the stamp as of this day (default: today); DD.MM.YYYY
                      too
  --lang en|et        the language first in the stamp and of the messages
                      (default: en)
  -h, --help          print this help

Exit status:
  0  the stamps printed; every marking block says what the law says
  1  the stamps printed, but a marking block says otherwise than the law (or
     the law cannot make its stamp: a part's decision unknown, ...); each
     difference is on stderr, and the stamp carries the law's values
  2  the command could not run: a bad option, no such id (or it is not a
     marking), a path that cannot be read or holds no .salastus file or no
     marking; the reason is on stderr
`,
};

const ET: Record<HelpTopic, string> = {
  salastus: `Kasutus:
  salastus check [võtmed] TEE...     kontrolli .salastus-faile ja kaustu
  salastus explain ALUS              mida seadus punkti kohta ütleb: "§ 7 p 3"
  salastus stamp TEE [TUNNUS...]     märgete templid, nagu seadus need teeb
  salastus --version                 versioon
  salastus --help                    see abi

Salastus kontrollib salastamisotsuseid ja märkeid riigisaladuse ja salastatud
välisteabe seaduse (RSVS) järgi.
'salastus check --help', 'salastus explain --help' ja 'salastus stamp --help'
annavad kõik võtmed ja väljumiskoodid; --lang et annab abi ja sõnumid eesti
keeles.
`,
  check: `Kasutus: salastus check [võtmed] TEE...

Kontrollib antud failides ja kaustades (koos alamkaustadega) iga .salastus-
faili riigisaladuse ja salastatud välisteabe seaduse järgi, lahendab viited
kõigi failide vahel ja teatab, mis on valesti, viidates seaduse sättele.

Võtmed:
  --format VORMING    kuidas teatada (vaikimisi text):
                        text    üks rida leiu kohta, FAIL:RIDA:VEERG:
                                RASKUSASTE KOOD SÕNUM, lõpus kokkuvõte stderr-is
                        json    üks JSON-massiiv (read ja märgid alates 0-st)
                        sarif   SARIF 2.1.0 logi koodikontrolli tööriistadele
                        github  GitHub Actionsi märkused
  --today AAAA-KK-PP  kontrolli selle päeva seisuga (vaikimisi täna); ka
                      PP.KK.AAAA
  --lang en|et        sõnumite keel (vaikimisi en)
  --registry FAIL     lisaasutused ja -otsustajad: JSON-fail samas kujus nagu
                      server/src/law/data/registry.json
  --jobs N            loe, parsi ja kontrolli N lõimega (vaikimisi tuumade
                      arv, kuid 1 masinas, kus on ${MAX_CORES_FOR_ONE_THREAD} tuuma või vähem, sest
                      seal on lõimed aeglasemad); alla ${MIN_FILES_FOR_THREADS} faili või alla ${MB} MB
                      kontrollitakse ühes lõimes. Tulemus on iga N korral sama.
  -q, --quiet         jäta kokkuvõte ja edenemisrida välja
  -h, --help          näita seda abi

Terminalis näitab rida stderr-is, mitu faili on loetud ja kontrollitud; see
kaob, kui aruanne algab. Torus, failis ja CI-s (CI määratud) seda pole.

Väljumiskood:
  0  vigu ei leitud (hoiatusi ja märkusi võib olla)
  1  leiti viga
  2  kontroll ei saanud toimuda: vale võti või tee, mida ei saa lugeda või kus
     pole ühtegi .salastus-faili; põhjus on stderr-is
`,
  explain: `Kasutus: salastus explain [--lang en|et] ALUS

Näitab, mida riigisaladuse ja salastatud välisteabe seadus ütleb §-de 6–10
punkti kohta (need paragrahvid loetlevad salastatava teabe): selle teksti,
lubatud tasemed, pikima tähtaja, millal salastatus varem lõpeb ja millest
alates punkt kehtib. Kui on antud ainult paragrahv, loetleb selle punktid,
igaühe ühel real.

ALUS nagu otsuses: "§ 7 p 3", "§ 7 p 5¹" (või 5^1), "7 p 3", "§ 7 punkt 3",
"7.3"; või paragrahv: "§ 7".

Võtmed:
  --lang en|et   selgituse keel (vaikimisi en); seaduse enda sõnad on selle
                 ingliskeelne tõlge
  -h, --help     näita seda abi

Väljumiskood:
  0  selgitatud
  2  §-des 6–10 pole sellist punkti ega paragrahvi või on võti vale; põhjus on
     stderr-is
`,
  stamp: `Kasutus: salastus stamp [võtmed] TEE [TUNNUS...]

Prindib TEE (.salastus-fail või kaust koos alamkaustadega) iga märke templi:
antud tunnustega märgete omad, antud järjekorras, või kõigi märgete omad.
Tempel on see, mis trükitakse salastatud teabekandjale (RSVS § 37 lg 1):
salastatuse tase, välisriigi märge, salastamise kuupäev, alus, tähtaeg,
juurdepääsuõiguslike isikute ring ja salastatuse kustutamine, eesti ja
inglise keeles. Tase ja tähtaeg on seaduse järgi, arvutatud märke osadest ja
nende otsustest, nagu need --today seisuga kehtivad (koos pikendamiste ja
parandustega), mitte ploki pealt kopeeritud: kui plokk ütleb teisiti, on
templil seaduse järgi väärtused ja iga erinevus on stderr-is.

Võtmed:
  --format VORMING    mida printida (vaikimisi text):
                        text  iga tempel --lang keeles, seejärel teises
                        html  üks iseseisev prinditav leht (skriptita, midagi
                              mujalt laadimata): tase suurelt üleval, mõlemad
                              keeled kõrvuti; prindi see või kopeeri see
                              brauserist tekstitöötlusse
  --today AAAA-KK-PP  tempel selle päeva seisuga (vaikimisi täna); ka
                      PP.KK.AAAA
  --lang en|et        templis esimene keel ja sõnumite keel (vaikimisi en)
  -h, --help          näita seda abi

Väljumiskood:
  0  templid prinditud; iga märke plokk ütleb sama mis seadus
  1  templid prinditud, kuid märke plokk ütleb teisiti kui seadus (või ei saa
     seadus templit koostada: osa otsus tundmatu, ...); iga erinevus on
     stderr-is ja templil on seaduse järgi väärtused
  2  käsk ei saanud toimuda: vale võti, sellist tunnust pole (või see pole
     märge), tee, mida ei saa lugeda või kus pole ühtegi .salastus-faili või
     märget; põhjus on stderr-is
`,
};

export function helpText(topic: HelpTopic, lang: Lang): string {
  return (lang === 'et' ? ET : EN)[topic];
}
