/**
 * Common surnames from many countries, for the "Anyone Surname" heuristic in detect-names.ts: a
 * capitalised word followed by one of these is taken for a name even when the first name is not
 * in first-names.ts. Surnames that are everyday English words (Green, White, King, Baker, Hill…)
 * are left out for the same reason as in first-names.ts, and so are two-letter ones (He, Do, Ma).
 */
const NAMES = `
Smith Jones Taylor Williams Wilson Davies Evans Thomas Johnson Roberts Robinson Thompson Wright Walker Edwards Hughes
Lewis
Jackson Clarke Clark Harris Martin Cooper Morris Ward Moore Anderson Mitchell Campbell Murphy Kelly Walsh Byrne Ryan
O'Brien O'Connor O'Neill McCarthy MacDonald McDonald Fitzgerald Henderson Stewart Morrison Reynolds Robertson Scott
Fraser
Garcia García Rodriguez Rodríguez Martinez Martínez Hernandez Hernández Lopez López Gonzalez González Perez Pérez
Sanchez
Sánchez Ramirez Ramírez Torres Flores Rivera Gomez Gómez Diaz Díaz Morales Ortiz Gutierrez Gutiérrez Chavez Ruiz Alvarez
Álvarez Fernandez Fernández Jimenez Jiménez Moreno Romero Navarro Dominguez Domínguez Vargas Castillo Mendoza Silva
Santos
Oliveira Souza Pereira Costa Rodrigues Almeida Nascimento Carvalho Araújo Ribeiro Ferreira Gomes Martins Lima Barbosa
Müller Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf
Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Lehmann Köhler Huber
Gruber
Dubois Durand Leroy Moreau Lefebvre Lefèvre Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Faure
Mercier Blanc
Guerin Boyer Garnier Chevalier Legrand Gauthier Perrin Robin Clement Morin Nicolas Henry Roussel Mathieu Gautier Masson
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Mancini Rizzo
Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli
Jansen Janssen de Vries van den Berg van der Berg Bakker Visser Smit Meijer de Boer Mulder de Groot Bos Vos Peters
Hendriks
Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Hansen
Jensen
Nielsen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Johansen Olsen Berg Haugen Hagen Korhonen Virtanen
Mäkinen
Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Jónsson Sigurðsson Guðmundsson Gunnarsson Magnússon
Stefánsdóttir
Nowak Kowalski Kowalska Wiśniewski Wiśniewska Wójcik Kowalczyk Kamiński Kamińska Lewandowski Lewandowska Zieliński
Szymański
Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Novák Svoboda Novotný Dvořák Černý
Procházka Kučera Veselý Horváth Nagy Kovács Tóth Szabó Varga Kiss Molnár Németh Farkas Popescu Ionescu Popa Stan Dumitru
Ivanov Ivanova Smirnov Smirnova Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Petrov Petrova Volkov Pavlov
Shevchenko
Kovalenko Bondarenko Tkachenko Kravchenko Horvat Kovačević Jovanović Petrović Nikolić Marković Đorđević Papadopoulos
Papadopoulou Georgiou Nikolaou Yilmaz Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Kılıç
Patel Sharma Singh Kumar Gupta Shah Mehta Iyer Reddy Nair Menon Rao Chatterjee Banerjee Mukherjee Das Bose Joshi Desai
Kapoor Malhotra Verma Agarwal Pillai Khan Ahmed Ali Hussain Rahman Hossain Chowdhury Siddiqui Qureshi Malik Butt Akhtar
Hassan Hussein Haddad Khalil Mansour Nasser Saleh Abdullah Ibrahim Youssef Mahmoud Mustafa Farouk Hosseini Mohammadi
Rezaei
Ahmadi Karimi Cohen Levy Mizrahi Peretz Biton Friedman Goldberg Katz
Okafor Okonkwo Okeke Nwosu Eze Adeyemi Adebayo Ogunleye Oyelaran Balogun Mensah Owusu Boateng Asante Kamau Otieno Mwangi
Ochieng Njoroge Dlamini Nkosi Ndlovu Khumalo Mokoena Naidoo Abebe Tesfaye Diallo Traoré Keita Diop Ndiaye Sow
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin He Gao Luo Zheng Liang Xie Tang Han Feng Deng
Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Tan Wong Chan Leung Lau
Cheung Ng
Ho Chow Kwok Tanaka Suzuki Sato Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi
Matsumoto Inoue Kimura Hayashi Shimizu Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Nguyen Tran Le Pham Hoang Huynh
Phan Vu
Vo Dang Bui Do Ngo Duong Ly Santos Reyes Cruz Bautista Ocampo Mendoza Aquino Garcia Ramos Villanueva
`;

export const SURNAMES: ReadonlySet<string> = new Set(
  NAMES.split(/\s+/).filter((n) => n.length > 2 && n[0] === n[0]!.toUpperCase()),
);
