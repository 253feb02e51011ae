"""Agencies, roles and tasks: what each rule must and must not match."""

from __future__ import annotations

import pytest

from extractor.pipeline import extract_text
from extractor.rules.agencies import find_mentions, full_name
from extractor.rules.tasks import read_roles

# --- agency mentions: (text, the bodies it names, in order) ------------------------------

MENTIONS = {
    "state bodies at each level": [
        ("Sở Giáo dục và Đào tạo chủ trì", ["Sở Giáo dục và Đào tạo"]),
        ("báo cáo UBND tỉnh Hưng Yên trước ngày 15/12", ["UBND tỉnh Hưng Yên"]),
        ("Ủy ban nhân dân phường Nguyễn Nghiêm ban hành", ["Ủy ban nhân dân phường Nguyễn Nghiêm"]),
        ("Phòng GD&ĐT huyện hướng dẫn", ["Phòng GD&ĐT huyện"]),
        ("Sở Lao động - Thương binh và Xã hội: chủ trì", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Sở Văn hóa, Thể thao và Du lịch phối hợp", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Công chức Tư pháp - Hộ tịch chủ trì", ["Công chức Tư pháp - Hộ tịch"]),
        ("Bộ phận Văn hóa – Xã hội tham mưu", ["Bộ phận Văn hóa – Xã hội"]),
        ("Công an huyện, Ban Chỉ huy Quân sự xã", ["Công an huyện", "Ban Chỉ huy Quân sự xã"]),
        ("theo Quyết định của Thủ tướng Chính phủ", ["Thủ tướng Chính phủ"]),
        ("Chủ tịch UBND tỉnh phê duyệt", ["UBND tỉnh"]),
    ],
    "a shared head over a list of fields": [
        ("Sở Nội vụ, Tài chính, Kế hoạch và Đầu tư",
         ["Sở Nội vụ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"]),
    ],
    "party, front and mass organisations": [
        ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường",
         ["Ủy ban Mặt trận Tổ quốc Việt Nam phường"]),
        ("HKH xã Tân Lập và Hội Người cao tuổi xã",
         ["HKH xã Tân Lập", "Hội Người cao tuổi xã"]),
        ("Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện",
         ["Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện"]),
        ("Liên đoàn Lao động tỉnh và Tỉnh ủy", ["Liên đoàn Lao động tỉnh", "Tỉnh ủy"]),
        ("Hội khuyến học phường tổ chức", ["Hội khuyến học phường"]),
        ("báo cáo Tỉnh ủy Gia Lai kết quả", ["Tỉnh ủy Gia Lai"]),
        ("Huyện ủy Chư Sê lãnh đạo", ["Huyện ủy Chư Sê"]),
        ("chỉ đạo công đoàn các cấp vận động", ["công đoàn các cấp"]),
        ("chỉ đạo các công đoàn cơ sở giám sát", ["các công đoàn cơ sở"]),
    ],
    "schools, centres, media and steering committees": [
        ("TTHTCĐ các xã tổ chức lớp học", ["TTHTCĐ các xã"]),
        ("Trung tâm Dịch vụ nông nghiệp huyện hướng dẫn",
         ["Trung tâm Dịch vụ nông nghiệp huyện"]),
        ("Trung tâm Văn hóa, Thể thao và Truyền thông huyện đưa tin",
         ["Trung tâm Văn hóa, Thể thao và Truyền thông huyện"]),
        ("trên Báo Hưng Yên và Đài Phát thanh và Truyền hình tỉnh",
         ["Báo Hưng Yên", "Đài Phát thanh và Truyền hình tỉnh"]),
        ("Thành lập Ban Chỉ đạo xây dựng xã hội học tập phường giai đoạn 2021-2030",
         ["Ban Chỉ đạo xây dựng xã hội học tập phường"]),
        ("Thư viện tỉnh và Thư viện huyện Krông Pắc",
         ["Thư viện tỉnh", "Thư viện huyện Krông Pắc"]),
        ("Thư viện thị xã hoàn thành số hóa", ["Thư viện thị xã"]),
    ],
    "collectives stay whole": [
        ("phối hợp với các sở, ban, ngành liên quan", ["các sở, ban, ngành liên quan"]),
        ("UBND các huyện, thành phố xây dựng kế hoạch", ["UBND các huyện, thành phố"]),
        ("Các Hội đoàn thể phường tuyên truyền", ["Các Hội đoàn thể phường"]),
        ("các trường học trên địa bàn phường", ["các trường học trên địa bàn phường"]),
        ("UBND cấp xã thực hiện", ["UBND cấp xã"]),
        ("các Sở, Ban, Ngành liên quan", ["các Sở, Ban, Ngành liên quan"]),
    ],
    "places, branches and bodies named whole": [
        ("phối hợp với UBND các huyện Đồng Văn, Mèo Vạc, Yên Minh\tSở Y tế",
         ["UBND các huyện Đồng Văn, Mèo Vạc, Yên Minh", "Sở Y tế"]),
        ("Giám đốc Ngân hàng Chính sách xã hội chi nhánh tỉnh; Thủ trưởng các sở",
         ["Ngân hàng Chính sách xã hội chi nhánh tỉnh", "các sở"]),
        ("Trung tâm Dịch vụ việc làm tỉnh tổ chức phiên giao dịch",
         ["Trung tâm Dịch vụ việc làm tỉnh"]),
        ("báo cáo Bộ Lao động - Thương binh và Xã hội (qua Tổng cục Giáo dục nghề nghiệp)",
         ["Bộ Lao động - Thương binh và Xã hội", "Tổng cục Giáo dục nghề nghiệp"]),
        ("đầu tư Trường Cao đẳng Kỹ thuật và Công nghệ Hà Giang trở thành cơ sở chất lượng cao",
         ["Trường Cao đẳng Kỹ thuật và Công nghệ Hà Giang"]),
        ("căn cứ Nghị quyết của Ủy ban Thường vụ Quốc hội", ["Ủy ban Thường vụ Quốc hội"]),
        ("Chỉ đạo Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ phối hợp với",
         ["Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"]),
        ("Vườn quốc gia Kon Ka Kinh bố trí chòi canh lửa", ["Vườn quốc gia Kon Ka Kinh"]),
        # every area's unit, named bare or with "các"
        ("Hạt Kiểm lâm khu vực phân công công chức", ["Hạt Kiểm lâm khu vực"]),
        # one word of what the places have, then a clause mark; not a verb phrase
        ("5. UBND các xã, phường có rừng:", ["UBND các xã, phường có rừng"]),
        ("UBND các xã có trách nhiệm, theo dõi", ["UBND các xã"]),
        # a village's kind named bare, opening a clause, acts for every one
        ("- Tổ dân phố phân công thành viên theo dõi biến động dân số", ["Tổ dân phố"]),
        # a document's name after the unit is no place: "Văn" opens no place name there
        ("UBND xã Văn bản số 5", ["UBND xã"]),
        ("kiểm tra các cơ sở khám bệnh, chữa bệnh tư nhân trên địa bàn phường",
         ["các cơ sở khám bệnh, chữa bệnh tư nhân trên địa bàn phường"]),
        ("Sở Y tế chỉ đạo các cơ sở khám bệnh, chữa bệnh BHYT cải cách thủ tục",
         ["Sở Y tế", "các cơ sở khám bệnh, chữa bệnh BHYT"]),
    ],
    "words that say which places or bodies of a kind": [
        ("phối hợp với UBND các huyện miền núi thực hiện", ["UBND các huyện miền núi"]),
        ("hỗ trợ các trường vùng sâu, vùng xa", ["các trường vùng sâu, vùng xa"]),
        # "có ..." is read whole only up to a cell's end
        ("Phòng Nông nghiệp\tUBND các xã có mô hình\tQuý II", ["Phòng Nông nghiệp",
                                                            "UBND các xã có mô hình"]),
        ("UBND các xã có trách nhiệm triển khai", ["UBND các xã"]),
    ],
    "a named body ends a collective's list": [
        ("Các ban, ngành, đoàn thể và Ban Nhân dân các thôn phối hợp",
         ["Các ban, ngành, đoàn thể", "Ban Nhân dân các thôn"]),
        ("các Sở, Ban Dân tộc tỉnh", ["các Sở", "Ban Dân tộc tỉnh"]),
    ],
    "bodies named by their unit alone, banks and companies": [
        ("Đề nghị Quận đoàn, Tỉnh đoàn phối hợp", ["Quận đoàn", "Tỉnh đoàn"]),
        ("Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Tuyên Quang chỉ đạo",
         ["Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Tuyên Quang"]),
        ("Công ty TNHH Một thành viên Nước sạch Hà Nội rà soát",
         ["Công ty TNHH Một thành viên Nước sạch Hà Nội"]),
        ("Các phương tiện thông tin đại chúng thực hiện", ["Các phương tiện thông tin đại chúng"]),
        ("Các Phòng Giáo dục và Đào tạo báo cáo", ["Các Phòng Giáo dục và Đào tạo"]),
        ("Đề nghị Viễn thông Quảng Trị, Viettel Quảng Trị, MobiFone tỉnh đầu tư",
         ["Viễn thông Quảng Trị", "Viettel Quảng Trị", "MobiFone tỉnh"]),
        ("7. Hợp tác xã Nông nghiệp Phước Hưng: tổ chức thu gom",
         ["Hợp tác xã Nông nghiệp Phước Hưng"]),
        ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh và Bộ Chỉ huy Quân sự tỉnh",
         ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("Văn phòng thường trực Ban Chỉ đạo tỉnh tổng hợp",
         ["Văn phòng thường trực Ban Chỉ đạo tỉnh"]),
        ("Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch huyện đưa tin",
         ["Trung tâm Văn hoá, Thông tin, Thể thao và Du lịch huyện"]),
        # a company's kind of work in lower case, then its place; a state corporation
        ("Công ty TNHH MTV Khai thác công trình thủy lợi Vĩnh Long vận hành",
         ["Công ty TNHH MTV Khai thác công trình thủy lợi Vĩnh Long"]),
        ("Đề nghị Tổng công ty Điện lực miền Nam (thông qua Công ty Điện lực Vĩnh Long)",
         ["Tổng công ty Điện lực miền Nam", "Công ty Điện lực Vĩnh Long"]),
        # names that run on in lower case, from the lexicon
        ("Trung tâm Nước sạch và Vệ sinh môi trường nông thôn, Công ty Cổ phần Cấp nước Vĩnh "
         "Long tổ chức", ["Trung tâm Nước sạch và Vệ sinh môi trường nông thôn",
                          "Công ty Cổ phần Cấp nước Vĩnh Long"]),
        # the military-service council by its short form; the army units taking recruits
        ("Hội đồng NVQS huyện chỉ đạo", ["Hội đồng NVQS huyện"]),
        ("phối hợp với các đơn vị nhận quân nắm tình hình", ["các đơn vị nhận quân"]),
        # a cell's next line after a unit word names the next body
        ("Trung tâm Văn hóa, Thông tin và Thể thao huyện UBND các xã, thị trấn",
         ["Trung tâm Văn hóa, Thông tin và Thể thao huyện", "UBND các xã, thị trấn"]),
        # a minister's body, then another document: the name ends before it
        ("theo Thông tư số 105/2023/TT-BQP của Bộ trưởng Bộ Quốc phòng và Thông tư số "
         "62/2023/TT-BCA", ["Bộ Quốc phòng"]),
        ("Phòng Tài chính và Kế hoạch huyện chủ trì", ["Phòng Tài chính và Kế hoạch huyện"]),
        # a national committee named after two kinds of work; committees called by a number
        ("của Ban Chỉ đạo quốc gia chống buôn lậu, gian lận thương mại và hàng giả về công tác",
         ["Ban Chỉ đạo quốc gia chống buôn lậu, gian lận thương mại và hàng giả"]),
        ("Ban Chỉ đạo 389 tỉnh tập trung chỉ đạo", ["Ban Chỉ đạo 389 tỉnh"]),
        # the police's divisions by their field; numbered units listed after the first
        ("Chỉ đạo Phòng Cảnh sát kinh tế, Công an các huyện nắm chắc",
         ["Phòng Cảnh sát kinh tế", "Công an các huyện"]),
        ("Chỉ đạo Đội Quản lý thị trường số 1, số 2 tăng cường",
         ["Đội Quản lý thị trường số 1", "Đội Quản lý thị trường số 2"]),
        # the members of one committee, named after them
        ("Các cơ quan, đơn vị thành viên Ban Chỉ đạo 389 tỉnh và Ban Chỉ đạo 389 cấp huyện báo "
         "cáo", ["Các cơ quan, đơn vị thành viên Ban Chỉ đạo 389 tỉnh",
                  "Ban Chỉ đạo 389 cấp huyện"]),
    ],
    "sectors, village heads and bodies in several kinds of unit": [
        ("2. Ngành giáo dục xã", ["Ngành giáo dục xã"]),
        ("phối hợp với ngành giáo dục và đào tạo, chính quyền các cấp",
         ["ngành giáo dục và đào tạo", "chính quyền các cấp"]),
        ("Đề nghị Công đoàn ngành Giáo dục tỉnh phát động", ["Công đoàn ngành Giáo dục tỉnh"]),
        ("6. Trưởng các ấp", ["Trưởng các ấp"]),
        ("Trưởng thôn chịu trách nhiệm trước Chủ tịch UBND xã", ["Trưởng thôn", "UBND xã"]),
        ("Hội Khuyến học xã, thị trấn sử dụng phần mềm", ["Hội Khuyến học xã, thị trấn"]),
        ("Các phòng chuyên môn thuộc Sở chỉ đạo", ["Các phòng chuyên môn thuộc Sở"]),
        ("Các bộ phận, đơn vị được phân công báo cáo", ["Các bộ phận, đơn vị được phân công"]),
        ("Các cấp ủy đảng, chính quyền đưa mục tiêu", ["Các cấp ủy đảng, chính quyền"]),
        ("phối hợp với Hội Khuyến học cấp xã, phường tổ chức", ["Hội Khuyến học cấp xã, phường"]),
        ("chỉ đạo các ban, ngành, đoàn thể ở địa phương, Hội Khuyến học cùng cấp",
         ["các ban, ngành, đoàn thể ở địa phương", "Hội Khuyến học cùng cấp"]),
    ],
    "a collective's list runs on over words that never open one": [
        ("phối hợp với các cơ quan, tổ chức, cá nhân liên quan tổ chức",
         ["các cơ quan, tổ chức, cá nhân liên quan"]),
        ("phối hợp với các sở, ngành, huyện, thành phố trang bị",
         ["các sở, ngành, huyện, thành phố"]),
        ("Phối hợp với Ban Quản lý chợ và UBND các xã, thị trấn triển khai",
         ["Ban Quản lý chợ", "UBND các xã, thị trấn"]),
    ],
    "units inside another body, and numbered units": [
        ("Phối hợp với Đội Quản lý thị trường số 5 và Công an huyện kiểm soát",
         ["Đội Quản lý thị trường số 5", "Công an huyện"]),
        ("Công an xã phối hợp Đội Cảnh sát giao thông - Trật tự Công an huyện",
         ["Công an xã", "Đội Cảnh sát giao thông - Trật tự Công an huyện"]),
        ("Trường THCS số 2 và Phòng Nội vụ", ["Trường THCS số 2", "Phòng Nội vụ"]),
        ("Ban Chỉ đạo 389 tỉnh chỉ đạo", ["Ban Chỉ đạo 389 tỉnh"]),
    ],
    "branches in a village, and names that start with their kind in lower case": [
        ("Chi hội khu dân cư, HKH xã, phường", ["Chi hội khu dân cư", "HKH xã, phường"]),
        ("Chi hội Phụ nữ thôn 3 và Chi đoàn thôn", ["Chi hội Phụ nữ thôn 3", "Chi đoàn thôn"]),
        ("Trung tâm bồi dưỡng Chính trị thành phố, Trung tâm VH - TTTT",
         ["Trung tâm bồi dưỡng Chính trị thành phố", "Trung tâm VH - TTTT"]),
        ("Trung tâm bồi dưỡng chính trị huyện chủ trì", ["Trung tâm bồi dưỡng chính trị huyện"]),
        ("phối hợp với Hợp tác xã dịch vụ nông nghiệp Tân Dĩnh",
         ["Hợp tác xã dịch vụ nông nghiệp Tân Dĩnh"]),
        ("Ban Quản lý chợ Tân Dĩnh chủ trì, phối hợp", ["Ban Quản lý chợ Tân Dĩnh"]),
        ("phối hợp với BCHQS xã và Bưu điện văn hóa xã", ["BCHQS xã", "Bưu điện văn hóa xã"]),
        ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh phối hợp",
         ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"]),
        ("Đề nghị Chi nhánh Ngân hàng Chính sách xã hội huyện",
         ["Chi nhánh Ngân hàng Chính sách xã hội huyện"]),
        ("Trường Tiểu học và Trường Trung học cơ sở Phước Hưng đưa nội dung",
         ["Trường Tiểu học", "Trường Trung học cơ sở Phước Hưng"]),
        ("Hội Khuyến học 12 xã tổ chức", ["Hội Khuyến học 12 xã"]),
        ("Văn phòng Ủy ban nhân dân tỉnh chủ trì", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        ("Đài Truyền thanh - Truyền hình huyện Krông Pắc đưa tin",
         ["Đài Truyền thanh - Truyền hình huyện Krông Pắc"]),
        ("Đồn Biên phòng Tam Quan phối hợp", ["Đồn Biên phòng Tam Quan"]),
        ("Bộ phận Tiếp nhận và Trả kết quả xã", ["Bộ phận Tiếp nhận và Trả kết quả xã"]),
        # An association's grassroots units, one in each commune
        ("HKH thành phố, HKH cơ sở thành phố Bắc Kạn.",
         ["HKH thành phố", "HKH cơ sở thành phố Bắc Kạn"]),
        # "Trường" before a body is a slip for "Trưởng" (its head), not a school
        ("Trường Ban chỉ đạo phường xây dựng kế hoạch", ["Ban chỉ đạo phường"]),
        # Committees named after their work, commas included, up to their unit.
        ("Ban Chỉ đạo phổ cập giáo dục, xóa mù chữ thị xã Ninh Hòa",
         ["Ban Chỉ đạo phổ cập giáo dục, xóa mù chữ thị xã Ninh Hòa"]),
        ("Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp xã",
         ["Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp xã"]),
        ("Ban Chỉ huy Quân sự xã và Ban Chỉ huy PCTT&TKCN huyện",
         ["Ban Chỉ huy Quân sự xã", "Ban Chỉ huy PCTT&TKCN huyện"]),
        # A commune's desk by its two fields alone, where a body is expected.
        ("Phối hợp với Tài chính - Kế toán và các ban, ngành liên quan",
         ["Tài chính - Kế toán", "các ban, ngành liên quan"]),
        # Courts and procuracies; councils named after their work; a corps of officials.
        ("Đề nghị Tòa án nhân dân huyện, Viện Kiểm sát nhân dân huyện, Chi cục Thi hành án dân "
         "sự huyện phối hợp", ["Tòa án nhân dân huyện", "Viện Kiểm sát nhân dân huyện",
                               "Chi cục Thi hành án dân sự huyện"]),
        ("Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện ban hành",
         ["Hội đồng phối hợp phổ biến, giáo dục pháp luật huyện"]),
        ("Đội ngũ báo cáo viên pháp luật huyện chủ động nghiên cứu",
         ["Đội ngũ báo cáo viên pháp luật huyện"]),
        # Village teams of national programmes; a name that runs through lowercase words to
        # its unit; a village head ends the name before it.
        ("Đề nghị Đoàn Thanh niên xã phối hợp với Tổ công nghệ số cộng đồng hướng dẫn",
         ["Đoàn Thanh niên xã", "Tổ công nghệ số cộng đồng"]),
        ("Trung tâm Phục vụ hành chính công xã chủ trì", ["Trung tâm Phục vụ hành chính công xã"]),
        ("phối hợp với Phòng Văn hóa - Xã hội, Trưởng các thôn tổ chức",
         ["Phòng Văn hóa - Xã hội", "Trưởng các thôn"]),
        ("phối hợp: Công an xã, các thôn", ["Công an xã", "các thôn"]),
        # teams named by their work, in either case, a bare village after them kept; a
        # village head in lowercase where a clause or a list names it
        ("mỗi thôn có ít nhất 01 tổ tự quản về bảo vệ môi trường; tổ tự quản có trách nhiệm",
         ["tổ tự quản về bảo vệ môi trường", "tổ tự quản"]),
        ("thành lập tổ phản ứng nhanh, hoàn thành trước ngày 31/3", ["tổ phản ứng nhanh"]),
        ("duy trì các “Tổ liên gia an toàn PCCC” và “Điểm chữa cháy công cộng”",
         ["Tổ liên gia an toàn PCCC"]),
        ("- Kiện toàn Tổ đội PCCCR thôn", ["Tổ đội PCCCR thôn"]),
        ("chỉ đạo trưởng thôn, bản tổ chức bình xét", ["trưởng thôn, bản"]),
        # an item's dash before a body named by its unit; the insurer by its place, whole
        ("- Thuế tỉnh lồng ghép nội dung kiểm tra", ["Thuế tỉnh"]),
        # what bodies were given is no part of their name; which of them were assigned is
        ("Các cơ quan, đơn vị được giao nhiệm vụ chủ động triển khai", ["Các cơ quan, đơn vị"]),
        ("Các bộ phận, đơn vị được phân công báo cáo kết quả",
         ["Các bộ phận, đơn vị được phân công"]),
        ("Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh đầu tư tuyến ống",
         ["Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh"]),
        # a department named by what it fights; prisons, a police unit's detention centre, a
        # rehabilitation centre up to its unit
        ("báo cáo Bộ Y tế (qua Cục Phòng, chống HIV/AIDS)",
         ["Bộ Y tế", "Cục Phòng, chống HIV/AIDS"]),
        ("Chỉ đạo Trại tạm giam Công an tỉnh phối hợp", ["Trại tạm giam Công an tỉnh"]),
        ("Chỉ đạo Cơ sở cai nghiện ma túy tỉnh phối hợp", ["Cơ sở cai nghiện ma túy tỉnh"]),
        ("Đề nghị Trại giam An Điềm thuộc Bộ Công an", ["Trại giam An Điềm", "Bộ Công an"]),
        # "nhóm" names a team where words of work open it
        ("Nhóm phòng, chống bạo lực gia đình nắm chắc tình hình các hộ",
         ["Nhóm phòng, chống bạo lực gia đình"]),
        ("báo cáo Bộ Tài chính, Bảo hiểm xã hội Việt Nam kết quả thực hiện",
         ["Bộ Tài chính", "Bảo hiểm xã hội Việt Nam"]),
        ("UBND xã (chủ trì); các thôn (phối hợp)", ["UBND xã", "các thôn"]),
        ("8. Các thôn\n- Tổ chức họp thôn", ["Các thôn"]),
        ("cấp xã, trưởng thôn, bản và Ban giám sát đầu tư cộng đồng xã",
         ["trưởng thôn, bản", "Ban giám sát đầu tư cộng đồng xã"]),
        ("Các bệnh viện tuyến tỉnh, các trường tiểu học phối hợp",
         ["Các bệnh viện tuyến tỉnh", "các trường tiểu học"]),
        ("báo cáo Bộ Y tế (qua Viện Vệ sinh dịch tễ Trung ương)",
         ["Bộ Y tế", "Viện Vệ sinh dịch tễ Trung ương"]),
        # villages that act, report or are given work are a body; where they say where, none
        ("Công an xã, các thôn tổ chức", ["Công an xã", "các thôn"]),
        ("- Các cơ quan, đơn vị và các thôn báo cáo kết quả", ["Các cơ quan, đơn vị", "các thôn"]),
        ("- 100% các thôn xây dựng, cập nhật phương án", ["các thôn"]),
        ("Mỗi thôn thành lập tổ tự quản", ["Mỗi thôn", "tổ tự quản"]),
        ("hướng dẫn các thôn xây dựng phương án", ["các thôn"]),  # guided to do work
        ("chỉ đạo các thôn, khu phố đưa nội dung vào hương ước", ["các thôn, khu phố"]),
        ("sự phối hợp giữa Ban Chỉ huy Quân sự xã, Công an xã với các thôn và Nhân dân",
         ["Ban Chỉ huy Quân sự xã", "Công an xã", "các thôn"]),
        ("phụ trách địa bàn các thôn trong tháng 3", []),
        ("tại nhà văn hóa các ấp.", []),
        ("Nhiều hộ ở các thôn Phong Tấn, Hanh Quang", []),
        ("bình xét khen thưởng của các bộ phận, đơn vị và các thôn.", ["các bộ phận, đơn vị"]),
        ("Trước 30/9/2025\tMỗi thôn ít nhất 01 mô hình", []),
        # A count of bodies in a list is several of them.
        ("Thường trực Hội Khuyến học quận và 3 Cụm thi đua Phường tổ chức",
         ["Hội Khuyến học quận", "3 Cụm thi đua Phường"]),
    ],
    "collectives of kinds, associations' tiers and villages worked with": [
        ("Chỉ đạo các cấp hội phối hợp", ["các cấp hội"]),
        ("phối hợp với các tổ chức, các lực lượng xã hội trong việc",
         ["các tổ chức, các lực lượng xã hội"]),
        ("Chủ động phối hợp với các thôn triển khai", ["các thôn"]),
        ("Huyện đoàn chỉ đạo các cơ sở Đoàn phối hợp", ["Huyện đoàn", "các cơ sở Đoàn"]),
        # the branches of central agencies in a province since 2025, short forms included
        ("Liên minh HTX tỉnh chủ trì", ["Liên minh HTX tỉnh"]),
        # a board named by its place: the verb after the place ends it, not a later unit word
        ("- Ban quản lý chợ Gia Cẩm bố trí khu vực kinh doanh", ["Ban quản lý chợ Gia Cẩm"]),
        ("phối hợp với Thuế tỉnh, Bảo hiểm xã hội tỉnh và Thống kê tỉnh",
         ["Thuế tỉnh", "Bảo hiểm xã hội tỉnh", "Thống kê tỉnh"]),
        ("BHXH tỉnh hướng dẫn", ["BHXH tỉnh"]),
        # ... but a desk's second field after a dash is no statistics office
        ("Công chức Văn phòng – Thống kê UBND phường phối hợp",
         ["Công chức Văn phòng – Thống kê", "UBND phường"]),
        # several Sở by their fields after "các Sở:"
        ("phối hợp với các Sở: Nông nghiệp và Môi trường, Công Thương; Liên minh Hợp tác xã "
         "tỉnh", ["Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Liên minh Hợp tác xã tỉnh"]),
        # a cooperative's kind in capitals and lowercase, then its name
        ("phối hợp với Hợp tác xã Vệ sinh môi trường Tam Hiệp thu gom",
         ["Hợp tác xã Vệ sinh môi trường Tam Hiệp"]),
        # the media doing work of their own
        ("a) Các phương tiện thông tin đại chúng thực hiện các chương trình giáo dục từ xa",
         ["Các phương tiện thông tin đại chúng"]),
        # the party committees and governments, with or without their tiers
        ("phải được cấp ủy, chính quyền các cấp quan tâm", ["cấp ủy, chính quyền các cấp"]),
        ("trách nhiệm của cấp ủy, chính quyền, người đứng đầu", ["cấp ủy, chính quyền"]),

        ("Đề nghị các cơ sở giáo dục đại học, cao đẳng trên địa bàn tỉnh",
         ["các cơ sở giáo dục đại học, cao đẳng trên địa bàn tỉnh"]),
        # A list of kinds already going takes "các" again; two collectives stay two.
        ("các cơ quan, đơn vị, tổ chức, các trường học tổ chức",
         ["các cơ quan, đơn vị, tổ chức, các trường học"]),
        ("các tổ chức chính trị - xã hội, các tổ chức Hội cùng cấp",
         ["các tổ chức chính trị - xã hội", "các tổ chức Hội cùng cấp"]),
        ("Tổng Liên đoàn Lao động Việt Nam hướng dẫn", ["Tổng Liên đoàn Lao động Việt Nam"]),
        # "the bodies concerned" inside a list, without "các"
        ("HKH thành phố, đơn vị liên quan, Trung tâm VH - TTTT",
         ["HKH thành phố", "đơn vị liên quan", "Trung tâm VH - TTTT"]),
        # a member word opens a list of kinds before another kind
        ("Tuyên truyền để các cấp, các ngành nhận thức rõ", ["các cấp, các ngành"]),
        ("Năm 2014, 2015: Các cấp, các ngành, địa phương, đơn vị triển khai",
         ["Các cấp, các ngành, địa phương, đơn vị"]),
        # a kind's qualifier, then more kinds
        ("Các phòng chuyên môn, đơn vị thuộc UBND phường báo cáo",
         ["Các phòng chuyên môn, đơn vị thuộc UBND phường"]),
        # villages that help, in a cell of bodies
        ("Ban CHQS xã chủ trì; Công an xã, các thôn phối hợp",
         ["Ban CHQS xã", "Công an xã", "các thôn"]),
        ("Phòng Kinh tế chủ trì; các thôn phối hợp", ["Phòng Kinh tế", "các thôn"]),
    ],
    "bodies of the two-tier system (since 2025)": [
        ("phối hợp với Báo và Phát thanh, Truyền hình tỉnh đẩy mạnh",
         ["Báo và Phát thanh, Truyền hình tỉnh"]),
        ("Ban điều hành các khu phố phối hợp", ["Ban điều hành các khu phố"]),
        ("Ban điều hành khu phố 3 vận động", ["Ban điều hành khu phố 3"]),
        ("Đề nghị Trung tâm Y tế khu vực Hải Châu hỗ trợ", ["Trung tâm Y tế khu vực Hải Châu"]),
        # one in each of the localities named after it
        ("Trung tâm Phục vụ hành chính công các xã, phường tiếp nhận",
         ["Trung tâm Phục vụ hành chính công các xã, phường"]),
        # a special zone is a unit like a commune; one of a named kind in each place
        ("Công an đặc khu phối hợp với Hiệp hội Du lịch đặc khu Phú Quốc",
         ["Công an đặc khu", "Hiệp hội Du lịch đặc khu Phú Quốc"]),
        ("phối hợp với các Đồn Biên phòng trên địa bàn đặc khu tuần tra",
         ["các Đồn Biên phòng trên địa bàn đặc khu"]),
        # a committee named for its work ends at the clause's verb
        ("Ban Quản lý khu du lịch phối hợp với Công an đặc khu",
         ["Ban Quản lý khu du lịch", "Công an đặc khu"]),
    ],
    "national committees, media of a unit, members of a committee, localities worked with": [
        ("Kế hoạch của Ban Chỉ đạo quốc gia về phòng thủ dân sự về công tác phòng, chống thiên tai",
         ["Ban Chỉ đạo quốc gia về phòng thủ dân sự"]),
        ("Công văn của Ban Chỉ đạo quốc gia xây dựng xã hội học tập giai đoạn 2012-2020",
         ["Ban Chỉ đạo quốc gia xây dựng xã hội học tập"]),
        ("báo cáo Ban Chỉ đạo quốc gia kết quả thực hiện", ["Ban Chỉ đạo quốc gia"]),
        ("đưa tin trên trang thông tin điện tử của phường.",
         ["trang thông tin điện tử của phường"]),
        ("chuyên mục trên Cổng thông tin điện tử của Sở; giới thiệu",
         ["Cổng thông tin điện tử của Sở"]),
        # "bản tin" is a bulletin, not a hamlet ("bản")
        ("trên trang thông tin điện tử xã, bản tin, các website", ["trang thông tin điện tử xã"]),
        ("Thủ trưởng các ban, ngành thuộc tỉnh chịu trách nhiệm", ["các ban, ngành thuộc tỉnh"]),
        # the members act as the committee
        ("đề nghị các thành viên Ban Chỉ đạo tỉnh, các sở, ban, ngành nghiêm túc thực hiện",
         ["Ban Chỉ đạo tỉnh", "các sở, ban, ngành"]),
        ("phối hợp với Sở Y tế, các sở, ban, ngành liên quan, các huyện và thành phố xây dựng",
         ["Sở Y tế", "các sở, ban, ngành liên quan", "các huyện và thành phố"]),
        # no lowercase second syllable after an abbreviation
        ("Trung tâm VHTT&TT duy trì chuyên mục", ["Trung tâm VHTT&TT"]),
        ("Đội Cảnh sát PCCC và CNCH Công an quận kiểm tra",
         ["Đội Cảnh sát PCCC và CNCH Công an quận"]),
        # villages in a cell of bodies; a village's security team, one in every village
        ("\tCông an phường, các tổ dân phố\t", ["Công an phường", "các tổ dân phố"]),
        ("phối hợp: Ban Chỉ huy Quân sự phường, các Tổ bảo vệ an ninh, trật tự ở cơ sở.",
         ["Ban Chỉ huy Quân sự phường", "các Tổ bảo vệ an ninh, trật tự ở cơ sở"]),
    ],
    "names that hold a head word, short forms between name and unit, lowercase units": [
        ("HĐND huyện Xuân Trường về kế hoạch", ["HĐND huyện Xuân Trường"]),
        ("Huyện đoàn Xuân Trường phối hợp", ["Huyện đoàn Xuân Trường"]),
        ("năm 2024,\nỦy ban nhân dân (UBND) xã Đức Thạnh xây dựng Kế hoạch",
         ["Ủy ban nhân dân (UBND) xã Đức Thạnh"]),
        ("Đề nghị Điện lực Hương Sơn kiểm tra", ["Điện lực Hương Sơn"]),
        ("Chi cục An toàn vệ sinh thực phẩm kiểm tra", ["Chi cục An toàn vệ sinh thực phẩm"]),
        ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh",
         ["Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh"]),
        ("Kiện toàn Ban Vì sự tiến bộ của phụ nữ tỉnh và Ban Vì sự tiến bộ của phụ nữ cấp huyện",
         ["Ban Vì sự tiến bộ của phụ nữ tỉnh", "Ban Vì sự tiến bộ của phụ nữ cấp huyện"]),
        ("thanh tra, kiểm tra các cơ sở y tế trong việc", ["các cơ sở y tế"]),
        # kinds that go on a list of bodies after its first
        ("huy động các tổ chức kinh tế, tổ chức xã hội, đơn vị lực lượng vũ trang nhân dân tham "
         "gia", ["các tổ chức kinh tế, tổ chức xã hội, đơn vị lực lượng vũ trang nhân dân"]),
        ("phối hợp với các cơ quan, tổ chức, cơ sở sản xuất, kinh doanh, dịch vụ thuộc các",
         ["các cơ quan, tổ chức, cơ sở sản xuất, kinh doanh, dịch vụ"]),
        ("kiểm tra các cơ sở sản xuất, kinh doanh thực phẩm", []),
        ("tuyên truyền tới các cơ quan, đơn vị, doanh nghiệp, hộ gia đình",
         ["các cơ quan, đơn vị"]),
        ("Đề nghị các", []),
        ("các đơn vị sự nghiệp công lập thuộc tỉnh", ["các đơn vị sự nghiệp công lập thuộc tỉnh"]),
        # a desk's officer in lowercase before its field; a village's front committee; the
        # province's legal aid centre; a verb after a name with a comma
        ("Phòng Văn hóa - Xã hội chủ trì, phối hợp với công chức Tư pháp - Hộ tịch phổ biến",
         ["Phòng Văn hóa - Xã hội", "công chức Tư pháp - Hộ tịch"]),
        ("các công chức chuyên môn", ["các công chức chuyên môn"]),
        ("Trưởng các thôn chủ trì, phối hợp với Ban công tác Mặt trận các thôn rà soát",
         ["Trưởng các thôn", "Ban công tác Mặt trận các thôn"]),
        ("đề nghị Trung tâm Trợ giúp pháp lý nhà nước tỉnh Nghệ An cử trợ giúp viên",
         ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh Nghệ An"]),
        ("Báo và Phát thanh, Truyền hình Lạng Sơn dành thời lượng",
         ["Báo và Phát thanh, Truyền hình Lạng Sơn"]),
        # words after a kind that say which of its bodies, and where they are
        ("phối hợp với các cơ sở giáo dục mầm non, phổ thông tổ chức",
         ["các cơ sở giáo dục mầm non, phổ thông"]),
        ("các chi hội phụ nữ, chi hội nông dân, câu lạc bộ người cao tuổi tổ chức",
         ["các chi hội phụ nữ, chi hội nông dân, câu lạc bộ người cao tuổi"]),
        ("các đơn vị sự nghiệp khoa học và công nghệ hiện có",
         ["các đơn vị sự nghiệp khoa học và công nghệ hiện có"]),
        ("các cơ sở giáo dục đại học trong và ngoài tỉnh",
         ["các cơ sở giáo dục đại học trong và ngoài tỉnh"]),
        ("phối hợp với các viện, trường trong nước", ["các viện, trường"]),
        ("thành lập các câu lạc bộ, đội văn nghệ", []),
        # villages counted in a lettered target that act in it
        ("a) 100% các khu phố tổ chức điểm sinh hoạt hè", ["các khu phố"]),
        ("b) các thôn có nhà văn hóa", []),
        # a committee that runs an event, named after it, and its short name
        ("thành lập Ban Tổ chức các hoạt động hè cho thiếu nhi phường Tân An (sau đây gọi tắt là "
         "Ban Tổ chức hè phường) trước ngày 10/7",
         ["Ban Tổ chức các hoạt động hè cho thiếu nhi phường Tân An", "Ban Tổ chức hè phường"]),
        ("Ban Tổ chức Tỉnh ủy chủ trì", ["Ban Tổ chức Tỉnh ủy"]),
        ("Trường Trung học cơ sở Nguyễn Du mở cửa thư viện",
         ["Trường Trung học cơ sở Nguyễn Du"]),
        # a board named after a place with a name of its own, before its verb or in a cell
        ("phối hợp với Ban Quản lý Khu kinh tế Phú Yên hướng dẫn các doanh nghiệp",
         ["Ban Quản lý Khu kinh tế Phú Yên"]),
        ("\tBan Quản lý Khu kinh tế Phú Yên; Sở Nội vụ\t",
         ["Ban Quản lý Khu kinh tế Phú Yên", "Sở Nội vụ"]),
        # "buôn lậu" is smuggling, not a village
        ("Ban Chỉ đạo chống buôn lậu, gian lận thương mại và hàng giả tỉnh chỉ đạo",
         ["Ban Chỉ đạo chống buôn lậu, gian lận thương mại và hàng giả tỉnh"]),
        # a title in quotation marks names no body; a body's new name in them does
        ("đổi tên thành “Trung tâm Văn hóa - Thể thao phường”",
         ["Trung tâm Văn hóa - Thể thao phường"]),
        ("Ban Tổ chức các cấp ủy đảng chủ trì", ["Ban Tổ chức các cấp"]),
        ("tổ chức Hội thi “Công chức một cửa thân thiện” cấp tỉnh", []),
        ("Hội Liên hiệp Phụ nữ phường vận động hội viên thực hiện mô hình “Chi hội phụ nữ 5 không”",
         ["Hội Liên hiệp Phụ nữ phường"]),
        # national committees, named after their work
        ("báo cáo UBND tỉnh và Ủy ban An toàn giao thông Quốc gia trước ngày 20/12",
         ["UBND tỉnh", "Ủy ban An toàn giao thông Quốc gia"]),
        ("Ủy ban Quốc gia về chuyển đổi số chủ trì", ["Ủy ban Quốc gia về chuyển đổi số"]),
        ("phối hợp với Ủy ban Dân tộc và Bộ Nội vụ", ["Ủy ban Dân tộc", "Bộ Nội vụ"]),
        # the councils of communes named together
        ("UBND các xã Pà Cò, Hang Kia chủ trì, phối hợp", ["UBND các xã Pà Cò, Hang Kia"]),
        # a place whose name opens like a document's ("Công", "Thông") is still a place
        ("UBND các xã Công Thành, Thông Nông phối hợp", ["UBND các xã Công Thành, Thông Nông"]),
        ("UBND xã Công Thành phối hợp", ["UBND xã Công Thành"]),
        ("Chủ tịch UBND huyện Quyết định thành lập", ["UBND huyện"]),
        ("phối hợp với UBND các huyện Minh Hóa, Tuyên Hóa, Bố Trạch thực hiện",
         ["UBND các huyện Minh Hóa, Tuyên Hóa, Bố Trạch"]),
        # a head word as a place's third syllable is a slip, not part of the place
        ("của Chủ tịch UBND tỉnh Quảng Ngãi Ban hành Kế hoạch", ["UBND tỉnh Quảng Ngãi"]),
        ("Củng cố, kiện toàn đội dân phòng tại 12 thôn", ["đội dân phòng"]),
        ("Trường TH&THCS Sơn Kim tổ chức", ["Trường TH&THCS Sơn Kim"]),
        # a name's syllables start after the kind's short form: "Trường" is the second here
        ("Trường THCS Xuân Trường, Trường Tiểu học Xuân Hòa phối hợp",
         ["Trường THCS Xuân Trường", "Trường Tiểu học Xuân Hòa"]),
        ("Trung tâm VHTT&TT Đài Truyền thanh phối hợp", ["Trung tâm VHTT&TT", "Đài Truyền thanh"]),
        # the rest of a kind; kinds of institution that are bodies
        ("8. Các sở, ngành khác: Có trách nhiệm", ["Các sở, ngành khác"]),
        ("Củng cố, phát triển các trung tâm ngoại ngữ, tin học.",
         ["các trung tâm ngoại ngữ, tin học"]),
        ("Đề nghị các tổ chức chính trị-xã hội, tổ chức xã hội, nghề nghiệp",
         ["các tổ chức chính trị-xã hội, tổ chức xã hội, nghề nghiệp"]),
        ("Tranh thủ sự hỗ trợ của các tổ chức quốc tế về", ["các tổ chức quốc tế"]),
        # school levels listed after a kind of school
        ("Các trường mầm non, tiểu học, trung học cơ sở phối hợp với",
         ["Các trường mầm non, tiểu học, trung học cơ sở"]),
        ("Trường THPT Lê Quý Đôn và các trường THPT trên địa bàn huyện phối hợp",
         ["Trường THPT Lê Quý Đôn", "các trường THPT trên địa bàn huyện"]),
        ("Chi cục An toàn thực phẩm Thành phố kiểm tra", ["Chi cục An toàn thực phẩm Thành phố"]),
        # a village's development board; a commune's credit fund; a bank's branch with its
        # short form between its name and its place; a cooperative's short name
        ("Ban phát triển thôn Đông tổ chức trồng hoa", ["Ban phát triển thôn Đông"]),
        ("Ban phát triển các thôn tổ chức họp thôn", ["Ban phát triển các thôn"]),
        ("Đề nghị Quỹ tín dụng nhân dân xã Hòa Thịnh và Chi nhánh Ngân hàng Nông nghiệp và Phát "
         "triển nông thôn (Agribank) Phù Ninh dành vốn",
         ["Quỹ tín dụng nhân dân xã Hòa Thịnh",
          "Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn (Agribank) Phù Ninh"]),
        ("HTX Tân Thịnh phối hợp với Phòng Kinh tế", ["HTX Tân Thịnh", "Phòng Kinh tế"]),
        # a Sở's field inside an inspectorate's name
        ("phối hợp với Thanh tra Sở Giao thông vận tải (Thanh tra Sở GTVT) và Công an các "
         "huyện, thị xã, thành phố tuần tra",
         ["Thanh tra Sở Giao thông vận tải", "Thanh tra Sở GTVT",
          "Công an các huyện, thị xã, thành phố"]),
        ("Trường Tiểu học Tân Thịnh hoàn thành hồ sơ", ["Trường Tiểu học Tân Thịnh"]),
        # members name their committee: no collective "các cấp, thành viên"
        ("cán bộ làm công tác bình đẳng giới các cấp, thành viên Ban VSTBPN tỉnh",
         ["Ban VSTBPN tỉnh"]),
    ],
    "a Sở's own units": [
        ("Phòng Quản lý đất đai, Phòng Tài nguyên nước, Khoáng sản và Khí tượng thủy văn, Chi "
         "cục Bảo vệ môi trường tham mưu",
         ["Phòng Quản lý đất đai", "Phòng Tài nguyên nước, Khoáng sản và Khí tượng thủy văn",
          "Chi cục Bảo vệ môi trường"]),
        ("phối hợp với các Chi nhánh Văn phòng Đăng ký đất đai rà soát",
         ["các Chi nhánh Văn phòng Đăng ký đất đai"]),
        ("Trung tâm Công nghệ thông tin phối hợp với Văn phòng Sở duy trì chuyên mục",
         ["Trung tâm Công nghệ thông tin", "Văn phòng Sở"]),
        ("Chánh Văn phòng Sở, Chánh Thanh tra Sở, Thủ trưởng các phòng chịu trách nhiệm",
         ["Văn phòng Sở", "Thanh tra Sở", "các phòng"]),
        ("hướng dẫn các đơn vị sự nghiệp trực thuộc Sở xây dựng phương án",
         ["các đơn vị sự nghiệp trực thuộc Sở"]),
    ],
    "kinds with no proper name, and their places": [
        # a named kind, then the words that say which of its bodies (not "các ban")
        ("Phối hợp: Vườn quốc gia Kon Ka Kinh, các Ban Quản lý rừng phòng hộ, rừng đặc dụng",
         ["Vườn quốc gia Kon Ka Kinh", "các Ban Quản lý rừng phòng hộ, rừng đặc dụng"]),
        ("chỉ đạo các Ban Chỉ huy Phòng thủ khu vực bố trí lực lượng",
         ["các Ban Chỉ huy Phòng thủ khu vực"]),
        ("huy động các đơn vị lực lượng vũ trang đóng quân trên địa bàn tham gia",
         ["các đơn vị lực lượng vũ trang đóng quân trên địa bàn"]),
        ("các trường học tại các xã, phường tổ chức", ["các trường học tại các xã, phường"]),
        # a committee named after its work at length
        ("Quyết định số 27/QĐ-BCH của Ban Chỉ huy các vấn đề cấp bách trong bảo vệ rừng và phòng "
         "cháy, chữa cháy rừng tỉnh Gia Lai về việc",
         ["Ban Chỉ huy các vấn đề cấp bách trong bảo vệ rừng và phòng cháy, chữa cháy rừng "
          "tỉnh Gia Lai"]),
        ("các Ban, ngành tổ chức", ["các Ban, ngành"]),
        # an association's branches in lower case; a committee's members given villages
        ("phối hợp với chi hội khuyến học thôn tổ chức", ["chi hội khuyến học thôn"]),
        ("Hội Khuyến học xã và các chi hội khuyến học thôn:",
         ["Hội Khuyến học xã", "các chi hội khuyến học thôn"]),
        ("Phân công thành viên Ban Chỉ đạo phụ trách từng thôn", ["Ban Chỉ đạo"]),
        # a committee's purpose that goes on after a comma is not cut at "phụ trách"
        ("ban hành quyết định kiện toàn Tổ công tác liên ngành, phân công lãnh đạo phụ trách "
         "địa bàn", ["Tổ công tác"]),
        # a committee of its owner
        ("báo cáo UBND tỉnh và Tổ công tác triển khai Đề án 06 của Thủ tướng Chính phủ trước",
         ["UBND tỉnh", "Tổ công tác triển khai Đề án 06 của Thủ tướng Chính phủ"]),
        # the police's division by its field, and its code in brackets
        ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) là đơn vị thường trực",
         ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội"]),
    ],
}

NOT_BODIES = [
    "Ban hành kèm theo Quyết định này",
    # the armed forces in the abstract, the service a citizen enters
    "thực hiện nghĩa vụ tham gia Công an nhân dân năm 2025",
    "xây dựng Quân đội nhân dân cách mạng, chính quy",
    "\tBản tin dự báo",  # a bulletin opening a cell, not the hamlets
    "xây dựng Bộ tiêu chí đánh giá",
    "tổ chức Hội nghị sơ kết, Hội thi tìm hiểu",
    "Báo cáo kết quả thực hiện",
    "BÁO CÁO TÌNH HÌNH",
    "phát triển kinh tế - xã hội",
    "các tổ chức, cá nhân và doanh nghiệp",
    "gia đình, dòng họ, cộng đồng",
    "Kế hoạch số 07/KH-UBND ngày 12/01/2024",  # UBND inside a symbol
    "Trường hợp cần thiết, phòng chống dịch",
    "kết nối với thư viện số của tỉnh",
    "xây dựng nhà văn hóa thôn",
    "thành lập công ty, doanh nghiệp mới",
    "Sở tổ chức kiểm tra xác suất",  # "tổ chức" organises here; no "Sở Tổ chức" exists
    "Hợp tác xã tham gia liên kết sản xuất",  # a kind of enterprise, no cooperative named
    "củng cố hợp tác xã dịch vụ nông nghiệp",
    "cơ sở dữ liệu ngành Giáo dục trước ngày 30/10",  # the sector as a topic
    "ứng dụng công nghệ thông tin trong ngành giáo dục",
    "Trưởng ban, Phó Trưởng ban",
    "các tổ chức, cá nhân tham gia",  # "tổ chức" does not open a collective
    "tại các huyện, thành phố",
    "tổ chức tại các xã, phường",  # places where work is done
    "tuyên truyền tại các thôn, tổ dân phố",  # villages as places, not bodies worked with
    "- Khu phố văn minh đô thị đạt 90%",  # a title a village earns
    "tuyên truyền trên các phương tiện thông tin đại chúng",  # the media as a channel
    "hướng dẫn hợp tác xã nộp thuế tỉnh",  # tax, not the tax office
    # the law's topics in lower case, not the bodies
    "phổ biến pháp luật về lao động, công đoàn, bảo hiểm xã hội cho người lao động",
    "theo dõi, thống kê tình hình",
    "Văn phòng - Thống kê xã",  # a desk's fields, not the statistics office
    "thu gom phù hợp với từng khu dân cư",  # suited to villages, not worked with
    "học tập thông qua các phương tiện thông tin đại chúng",
    "Ban hành Kế hoạch Chuyển đổi số tỉnh",
    "Trung tâm tổ chức tập huấn",
    "nâng cao năng lực cho cơ quan liên quan",
    "các chỉ tiêu thuộc lĩnh vực Văn hóa - Xã hội",  # a desk's fields as a topic
    "thành lập hội đồng thẩm định",  # a kind of council, none named
    "nâng cao chất lượng đội ngũ giáo viên",
    "báo cáo các trường hợp nghi ngờ ngộ độc",  # cases, not schools
    "bảo đảm an ninh tại khu vực sơ tán",
    "ký cam kết thực hiện Bộ Quy tắc ứng xử văn minh du lịch",  # a code of conduct
    "tuyên truyền trên hệ thống truyền thanh cơ sở",  # a network of channels, no body
    "tủ sách tại điểm Bưu điện - Văn hóa xã",  # a place, not the post office
    "kiểm tra, thanh tra việc chấp hành pháp luật",  # the work, not the inspectorate
    "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",  # laws named after bodies
    "điều phối các nguồn vốn ODA, viện trợ phi chính phủ nước ngoài",  # non-governmental aid
    "chính sách đối với lực lượng dân phòng",  # a force, not the village team
    "đa dạng hóa các hình thức khác",
    "đưa lao động sang Nhật Bản, Hàn Quốc, Đài Loan (Trung Quốc)",  # a country, no broadcaster
    "chỉ đạo các tổ chức tín dụng trên địa bàn tỉnh",  # lenders, as enterprises are no bodies
    "liên thông 02 nhóm thủ tục hành chính", "phân loại theo nhóm chất thải",  # no teams
    # "tổ" opening other words, a village unit, a form of business, no work
    "bảo vệ chủ quyền Tổ quốc", "Giỗ Tổ Hùng Vương", "phát triển tổ hợp tác",
    "phát triển người tham gia BHXH, BHYT", "chính sách Bảo hiểm xã hội",  # the insurance
    # places whose names open like a body's
    "tại thành phố Hội An và thị xã Điện Bàn", "các đô thị Tam Kỳ, Hội An, Điện Bàn",
    "nhà văn hóa xã Đoàn Kết",
    "tập huấn cho thành viên các Tổ trong Quý III", "tăng trưởng thôn",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [case for cases in MENTIONS.values() for case in cases],
    ids=[f"{group}: {text[:30]}" for group, cases in MENTIONS.items() for text, _ in cases],
)
def test_bodies_are_found_whole(text: str, expected: list[str]) -> None:
    assert [mention.name if mention.head else mention.surface
            for mention in find_mentions(text)] == expected


@pytest.mark.parametrize("text", NOT_BODIES)
def test_words_that_are_not_bodies(text: str) -> None:
    assert find_mentions(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ban Quản lý dự án đầu tư xây dựng huyện (BQLDA huyện) chủ trì; BQLDA huyện báo cáo",
     [("BQLDA huyện", "Ban Quản lý dự án đầu tư xây dựng huyện")]),
    ("Trung tâm Văn hóa - Thông tin và Thể thao (sau đây gọi tắt là TTVHTT&TT) đưa tin; giao "
     "TTVHTT&TT huyện phối hợp",
     [("TTVHTT&TT huyện", "Trung tâm Văn hóa - Thông tin và Thể thao huyện")]),
    # A short form the lexicon knows is read from the lexicon, not learned again.
    ("Ủy ban nhân dân (UBND) huyện ban hành; UBND huyện chỉ đạo", []),
    ("Sở Y tế (QĐ 123) theo QĐ 123", []),  # a bracket that names no short form
])
def test_short_forms_the_plan_defines(text: str, expected: list[tuple[str, str]]) -> None:
    from extractor.rules.agencies import defined_short_forms

    found = defined_short_forms(text, find_mentions(text))
    assert [(mention.surface, mention.full) for mention in found] == expected


def test_a_name_run_on_over_a_short_form_is_cut_before_it() -> None:
    from extractor.rules.agencies import with_short_forms

    text = ("Văn phòng Điều phối nông thôn mới huyện (VPĐP huyện) tham mưu. Phòng Nông nghiệp và "
            "Môi trường, VPĐP huyện tham mưu")
    found = with_short_forms(text, find_mentions(text))
    assert [(mention.surface, mention.full) for mention in found] == [
        ("Văn phòng Điều phối nông thôn mới huyện", None),
        ("Phòng Nông nghiệp và Môi trường", None),
        ("VPĐP huyện", "Văn phòng Điều phối nông thôn mới huyện")]


def test_collectives_are_marked_and_offsets_point_at_the_words() -> None:
    text = "Sở Y tế phối hợp với các cơ quan, đơn vị liên quan"
    mentions = find_mentions(text)
    assert [m.collective for m in mentions] == [False, True]
    assert all(text[m.start:m.end] == m.surface for m in mentions)


# --- roles: (sentence, {body: role}) -------------------------------------------------------

ROLES = [
    ("Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ tham mưu",
     {"Sở Giáo dục và Đào tạo": "lead", "Sở Tài chính": "cooperating",
      "Sở Nội vụ": "cooperating"}),
    ("Đề nghị Hội Liên hiệp Phụ nữ xã tuyên truyền đến hội viên",
     {"Hội Liên hiệp Phụ nữ xã": "requested"}),
    ("Phòng Nội vụ tham mưu UBND huyện ban hành quy chế",
     {"Phòng Nội vụ": "advising"}),
    ("Công an xã phối hợp kiểm tra các hành vi vi phạm", {"Công an xã": "cooperating"}),
    ("Ngay từ Quý I/2025, Đài Truyền thanh xã phát sóng chuyên mục",
     {"Đài Truyền thanh xã": "responsible"}),
    ("UBND xã yêu cầu các ban, ngành, đoàn thể triển khai",
     {"các ban, ngành, đoàn thể": "responsible"}),
    ("Tổ chức hội nghị do Sở Y tế chủ trì", {"Sở Y tế": "lead"}),
    # A body further along a list is no subject: the heading is about cooperation in general.
    ("Xây dựng cơ chế phối hợp giữa các cấp, các ngành, các tổ chức", {}),
    # The subject after a long opening phrase, past the bodies the phrase names.
    ("Trong thời hạn 5 ngày làm việc kể từ ngày có kết quả kiểm tra, Phòng Giáo dục và Đào tạo, "
     "Hội Khuyến học quận lập hồ sơ trình Ủy ban nhân dân quận",
     {"Phòng Giáo dục và Đào tạo": "responsible", "Hội Khuyến học quận": "responsible"}),
    ("Căn cứ Kế hoạch thi đua của Hội Khuyến học Thành phố năm 2018, Thường trực Hội Khuyến học "
     "quận tổ chức họp giao ban", {"Hội Khuyến học quận": "responsible"}),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Sở Y "
     "tế", {"các cơ quan, đơn vị": "responsible"}),
    # A body named by its head ("Thủ trưởng ...") goes on the list.
    ("Đề nghị các phòng, ban, ngành và Thủ trưởng các đơn vị có liên quan triển khai",
     {"các phòng, ban, ngành": "requested", "các đơn vị có liên quan": "requested"}),
    # Without an opening word, a body inside the sentence's first phrase is not its subject.
    ("Tuyên truyền Kế hoạch của Hội Khuyến học tỉnh, các chi hội tổ chức học tập", {}),
    # A body opening a later clause is its subject (one that helps there cooperates); one
    # addressed there is not.
    ("Đề nghị Hội Liên hiệp Phụ nữ xã duy trì mô hình; Đoàn Thanh niên xã duy trì các tuyến "
     "đường tự quản", {"Hội Liên hiệp Phụ nữ xã": "requested",
                       "Đoàn Thanh niên xã": "requested"}),
    ("Công an xã kiểm tra; Đoàn Thanh niên xã phối hợp tuyên truyền",
     {"Công an xã": "responsible", "Đoàn Thanh niên xã": "cooperating"}),
    ("Phòng Y tế hướng dẫn; UBND các xã được hỗ trợ kinh phí", {"Phòng Y tế": "responsible"}),
    ("Rà soát trụ nước chữa cháy; đề nghị Công ty TNHH Một thành viên Nước sạch Hà Nội bổ sung "
     "trụ nước", {"Công ty TNHH Một thành viên Nước sạch Hà Nội": "requested"}),
    # A request to help is still a request to the bodies named.
    ("Đề nghị Ủy ban MTTQ Việt Nam quận, Quận đoàn phối hợp tuyên truyền",
     {"Ủy ban MTTQ Việt Nam quận": "requested", "Quận đoàn": "requested"}),
    # A label before the subject; a step's label before an opening phrase.
    ("Báo cáo nhanh: các sở, ngành, địa phương báo cáo tình hình thiệt hại về Ban Chỉ đạo tỉnh",
     {"các sở, ngành, địa phương": "responsible"}),
    ("Bước 5: Trong thời hạn 5 ngày làm việc, Phòng Giáo dục và Đào tạo lập hồ sơ trình Ủy ban "
     "nhân dân quận", {"Phòng Giáo dục và Đào tạo": "responsible"}),
    ("Công an xã: phối hợp kiểm tra, xử lý các hành vi vi phạm", {"Công an xã": "cooperating"}),
    # "do X tổ chức": X runs the work the others join.
    ("HKH thành phố, Phòng GD&ĐT cử cán bộ tham gia các lớp tập huấn do HKH tỉnh và Sở GD&ĐT tổ "
     "chức", {"HKH thành phố": "responsible", "Phòng GD&ĐT": "responsible",
              "HKH tỉnh": "responsible", "Sở GD&ĐT": "responsible"}),
    # but not in a later clause of other work
    ("Phòng Kinh tế hướng dẫn các hộ sản xuất theo tiêu chuẩn VietGAP; cử cán bộ tham gia các "
     "lớp tập huấn do Sở Nông nghiệp và Môi trường tổ chức", {"Phòng Kinh tế": "responsible"}),
    ("Văn phòng Sở là đầu mối tham mưu Giám đốc Sở triển khai Kế hoạch",
     {"Văn phòng Sở": "lead"}),
    # A body the words direct to help is one of the cooperating bodies.
    ("Chỉ đạo các trường học phối hợp với Hội Khuyến học cấp xã tổ chức",
     {"các trường học": "cooperating", "Hội Khuyến học cấp xã": "cooperating"}),
    ("Chỉ đạo các cơ quan chuyên môn trực thuộc, UBND cấp xã chủ động, phối hợp tốt với các "
     "đoàn thể", {"các cơ quan chuyên môn trực thuộc": "cooperating",
                  "UBND cấp xã": "cooperating", "các đoàn thể": "cooperating"}),
    ("Hướng dẫn Phòng Y tế thực hiện", {}),  # only directed: no role
    # Cooperation between bodies; bodies given as examples in brackets.
    ("Tăng cường sự phối hợp giữa Phòng Giáo dục và Đào tạo với Ủy ban nhân dân 15 phường",
     {"Phòng Giáo dục và Đào tạo": "cooperating", "Ủy ban nhân dân 15 phường": "cooperating"}),
    ("Chủ động phối hợp với các đoàn thể (Hội Liên hiệp Phụ nữ, Đoàn Thanh niên) tuyên truyền",
     {"các đoàn thể": "cooperating", "Hội Liên hiệp Phụ nữ": "cooperating",
      "Đoàn Thanh niên": "cooperating"}),
    # "tham mưu" belongs to its clause: a purpose ("để ..., tham mưu") is the addressee's, and a
    # later clause with a subject of its own advises through that subject.
    ("Các cơ quan, đơn vị phản ánh về Phòng Tài nguyên và Môi trường để tổng hợp, tham mưu UBND "
     "huyện", {"Các cơ quan, đơn vị": "responsible"}),
    ("UBND các xã báo cáo kết quả về UBND thị xã; Phòng Giáo dục và Đào tạo tổng hợp, tham mưu "
     "UBND thị xã báo cáo", {"UBND các xã": "responsible",
                            "Phòng Giáo dục và Đào tạo": "advising"}),
    ("Công an xã tổng hợp kết quả; tham mưu UBND xã khen thưởng", {"Công an xã": "advising"}),
    # The head who acts for the body: the body is the subject.
    ("Bước 1: Trưởng Ban chỉ đạo phường xây dựng kế hoạch tự kiểm tra",
     {"Ban chỉ đạo phường": "responsible"}),
    # Localities listed among the bodies that help.
    ("Chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn, các sở, ban, ngành liên "
     "quan, các huyện và thành phố xây dựng kế hoạch",
     {"Sở Nông nghiệp và Phát triển nông thôn": "cooperating",
      "các sở, ban, ngành liên quan": "cooperating", "các huyện và thành phố": "cooperating"}),
    ("Phối hợp với các xã Tân Phú, Tân Lập tổ chức", {}),  # named places: not a collective
    # The issuer assigning the work: "Giao X ..."
    ("Giao Phòng Kinh tế chủ trì, phối hợp với Công an xã tổ chức kiểm tra",
     {"Phòng Kinh tế": "lead", "Công an xã": "cooperating"}),
    # One person's two posts: both bodies act.
    ("Phó Chủ tịch Ủy ban nhân dân kiêm Giám đốc Trung tâm Học tập cộng đồng phường tổ chức "
     "điều hành lịch hoạt động", {"Ủy ban nhân dân": "responsible",
                                  "Trung tâm Học tập cộng đồng phường": "responsible"}),
    # A schedule line's time label stands before its subject.
    ("Năm 2014, 2015: Các cấp, các ngành, địa phương, đơn vị triển khai thực hiện",
     {"Các cấp, các ngành, địa phương, đơn vị": "responsible"}),
    # A mechanism of cooperation is what the work builds, not a role.
    ("Xây dựng cơ chế phối hợp giữa các cấp, các ngành, các tổ chức, doanh nghiệp", {}),
    # The heads who act for their bodies; a short name given in brackets names no one new.
    ("Người đứng đầu các sở, ban, ngành và Chủ tịch UBND các xã, phường trực tiếp chỉ đạo",
     {"các sở, ban, ngành": "responsible", "UBND các xã, phường": "responsible"}),
    ("Trung tâm Phục vụ hành chính công tỉnh (sau đây viết tắt là Trung tâm PVHCC tỉnh) và "
     "Trung tâm Phục vụ hành chính công các xã, phường tiếp nhận hồ sơ",
     {"Trung tâm Phục vụ hành chính công tỉnh": "responsible",
      "Trung tâm Phục vụ hành chính công các xã, phường": "responsible"}),
    # The short name in brackets right after a body is that body again.
    ("Sở Khoa học và Công nghệ chủ trì, phối hợp với Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh "
     "(Tỉnh đoàn) tổ chức", {"Sở Khoa học và Công nghệ": "lead",
                            "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh": "cooperating"}),
    # A long opening phrase of two commas before the subject.
    ("Quá trình triển khai, nếu phát sinh khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương "
     "kịp thời phản ánh về Sở Khoa học và Công nghệ",
     {"các cơ quan, đơn vị, địa phương": "responsible"}),
    # No comma closes the opening phrase: the bodies right before "chủ trì" lead.
    ("Căn cứ vào kế hoạch đã được Chủ tịch Ủy ban nhân dân quận phê duyệt Phòng Giáo dục và Đào "
     "tạo, Hội Khuyến học quận chủ trì phối hợp với các đơn vị liên quan tổ chức đánh giá",
     {"Phòng Giáo dục và Đào tạo": "lead", "Hội Khuyến học quận": "lead",
      "các đơn vị liên quan": "cooperating"}),
    # A body directed to help, with the short form it is given between it and the verb.
    ("Chỉ đạo các Trung tâm học tập cộng đồng (sau đây gọi tắt là TTHTCĐ) phối hợp với Hội "
     "Khuyến học các xã tổ chức", {"các Trung tâm học tập cộng đồng": "cooperating",
                                  "Hội Khuyến học các xã": "cooperating"}),
    # A short form in brackets inside a list of bodies does not end the list.
    ("Sở Tài chính chủ trì, phối hợp với Sở Nông nghiệp và Môi trường (Sở NN&MT), Sở Tư pháp rà "
     "soát", {"Sở Tài chính": "lead", "Sở Nông nghiệp và Môi trường": "cooperating",
              "Sở Tư pháp": "cooperating"}),
    ("Sở Tài chính chủ trì, phối hợp với các Sở: Nông nghiệp và Môi trường, Công Thương; Liên "
     "minh Hợp tác xã tỉnh tổ chức", {"Sở Tài chính": "lead",
                                    "Nông nghiệp và Môi trường": "cooperating",
                                    "Công Thương": "cooperating",
                                    "Liên minh Hợp tác xã tỉnh": "cooperating"}),
    ("Huyện đoàn chỉ đạo các cơ sở Đoàn phối hợp với các trường học tổ chức",
     {"Huyện đoàn": "responsible", "các cơ sở Đoàn": "cooperating",
      "các trường học": "cooperating"}),
    # Roles go by clause: the later subject leads its own clause's work.
    ("Ban CHQS xã duy trì lực lượng dân quân thường trực; Công an xã chủ trì xây dựng phương án",
     {"Ban CHQS xã": "responsible", "Công an xã": "lead"}),
    ("Thực hiện các chính sách hỗ trợ phụ nữ; Sở LĐTBXH chủ trì, phối hợp với UBND cấp huyện "
     "tổ chức", {"Sở LĐTBXH": "lead", "UBND cấp huyện": "cooperating"}),
    # A subject after an opening "Ngay khi ..." with its own commas.
    ("Ngay khi có tin bão, áp thấp nhiệt đới hoặc cảnh báo mưa lớn, lũ quét, Ban Chỉ huy PTDS "
     "xã tổ chức trực ban", {"Ban Chỉ huy PTDS xã": "responsible"}),
    # The focal point of the work leads; the place reports are received does not.
    ("Công chức Văn hóa - Xã hội là đầu mối, chủ trì tham mưu UBND xã",
     {"Công chức Văn hóa - Xã hội": "lead"}),
    ("Văn phòng HĐND và UBND xã là đầu mối tiếp nhận báo cáo nhanh của các thôn",
     {"Văn phòng HĐND và UBND xã": "responsible"}),
    # helping a committee organise its work is leading it
    ("Phòng GD&ĐT giúp BCĐ huyện tổ chức kiểm tra, công nhận kết quả phổ cập",
     {"Phòng GD&ĐT": "lead"}),
    # an opening of time with its own commas before the subject
    ("Hằng tháng, trước ngày 25, Ban phát triển các thôn báo cáo tiến độ thực hiện",
     {"Ban phát triển các thôn": "responsible"}),
    # "giao X" opening a later clause; a short name given between X and its verb
    ("Giao Phòng Kinh tế chủ trì rà soát vùng sản xuất; giao Hợp tác xã Nông nghiệp Tân Thịnh "
     "(sau đây gọi tắt là HTX Tân Thịnh) tổ chức cung ứng giống",
     {"Phòng Kinh tế": "lead", "Hợp tác xã Nông nghiệp Tân Thịnh": "responsible"}),
    # a later clause's subject that must do its work ("có trách nhiệm"), and one after its
    # own opening of time
    ("Mỗi thôn thành lập tổ tự quản; tổ tự quản có trách nhiệm nhắc nhở các hộ",
     {"Mỗi thôn": "responsible", "tổ tự quản": "responsible"}),
    ("Tổ chức tập huấn cho cán bộ; hằng tháng, Công an xã báo cáo kết quả",
     {"Công an xã": "responsible"}),
    # a body directed to help, named again in a bracket before "phối hợp"
    ("Công an tỉnh chỉ đạo Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ (Phòng "
     "Cảnh sát PCCC và CNCH) phối hợp với Chi cục Kiểm lâm huấn luyện nghiệp vụ",
     {"Công an tỉnh": "responsible",
      "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ": "cooperating",
      "Chi cục Kiểm lâm": "cooperating"}),
    # the owner of a cited decree is no doer of the clause after it
    ("Triển khai liên thông điện tử theo Nghị định số 63/2024/NĐ-CP của Chính phủ; Sở Tư pháp "
     "chủ trì, phối hợp với Công an tỉnh thực hiện",
     {"Sở Tư pháp": "lead", "Công an tỉnh": "cooperating"}),
    # the subject after an opening that says which cases
    ("Đối với vụ việc trẻ em bị xâm hại, bạo lực nghiêm trọng, UBND các xã, thị trấn báo cáo "
     "ngay về UBND huyện", {"UBND các xã, thị trấn": "responsible"}),
    # the subject after a colon that names the movement
    ("Duy trì phong trào “Chủ nhật xanh - sạch - đẹp”: các thôn ra quân tổng vệ sinh",
     {"các thôn": "responsible"}),
]


@pytest.mark.parametrize(("sentence", "expected"), ROLES, ids=[s[:40] for s, _ in ROLES])
def test_roles_from_the_words(sentence: str, expected: dict[str, str]) -> None:
    roles = read_roles(sentence, find_mentions(sentence))
    role = ("lead" if roles.lead else "requested" if roles.requested
            else "advising" if roles.advising else "responsible")
    found = {m.surface: role for m in roles.doers}
    found.update({m.surface: "requested" if role == "requested" else
                  "lead" if m in roles.clause_leads else
                  "advising" if m in roles.clause_advisers else "responsible"
                  for m in roles.clause_subjects})
    found.update({m.surface: "requested" for m in roles.clause_requests})
    found.update({m.surface: "cooperating" for m in roles.cooperating})
    assert found == expected


@pytest.mark.parametrize(("sentence", "place"), [
    ("Xã công khai, minh bạch các khoản đóng góp", "Xã"),
    ("Bên cạnh đó, xã biên soạn tờ rơi, pa nô", "xã"),
    ("Từ năm 2026 đến năm 2028, xã kêu gọi doanh nghiệp đầu tư", "xã"),
    ("Mỗi thôn thành lập tổ tự quản về bảo vệ môi trường", "Mỗi thôn"),
    ("Sở tổ chức kiểm tra xác suất tại 20 cơ sở giáo dục", "Sở"),  # a Sở's plan of itself
    ("Sở Y tế tổ chức kiểm tra", None),  # a named body is found as a body
    ("Xã hội hóa các nguồn lực cho giáo dục", None),      # society, not the commune
    ("Xã Phước Hưng đạt chuẩn nông thôn mới", None),        # a name, not the actor itself
    ("Hướng dẫn Hội Khuyến học các xã, thị trấn tổ chức đăng ký", None),
])
def test_a_locality_as_the_subject(sentence: str, place: str | None) -> None:
    from extractor.rules.tasks import PLACE_SUBJECT

    match = PLACE_SUBJECT.match(sentence)
    mentions = find_mentions(sentence)
    found = match.group("place") if match and not any(
        m.start < match.start("place") for m in mentions) else None
    assert found == place


@pytest.mark.parametrize(("sentence", "places"), [
    ("Tổ chức huấn luyện cho lực lượng dân phòng; mỗi phường tổ chức ít nhất 02 đợt thực tập",
     ["mỗi phường"]),
    ("Tổ chức hội nghị cấp tỉnh; các huyện, thành phố tổ chức triển khai đến cấp xã",
     ["các huyện, thành phố"]),
    ("Hệ thống cấp nước được giao cho đơn vị quản lý; xã không để tình trạng xuống cấp", ["xã"]),
    ("Huy động nguồn lực; xã hội hóa các hoạt động học tập", []),
    ("Phân bổ kinh phí; các xã được hỗ trợ 50 triệu đồng", []),
    ("Tuyên truyền; mỗi hộ gia đình đăng ký", []),
])
def test_a_locality_as_the_subject_of_a_later_clause(sentence: str, places: list[str]) -> None:
    from extractor.rules.tasks import CLAUSE_PLACE

    assert [found.group("place") for found in CLAUSE_PLACE.finditer(sentence)] == places


# --- tasks in a whole plan ------------------------------------------------------------------

PLAN = """ỦY BAN NHÂN DÂN HUYỆN AN LÃO
Số: 12/KH-UBND
An Lão, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Triển khai xây dựng xã hội học tập năm 2024

I. MỤC TIÊU
Phấn đấu 90% xã đạt danh hiệu cộng đồng học tập.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Đẩy mạnh tuyên truyền về học tập suốt đời trong Quý II/2024.
2. Củng cố Trung tâm học tập cộng đồng các xã.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Giáo dục và Đào tạo (cơ quan thường trực)
- Chủ trì, phối hợp với Phòng Nội vụ hướng dẫn các xã xây dựng kế hoạch.
- Định kỳ báo cáo UBND huyện trước ngày 15/12 hằng năm.
2. Phòng Tài chính - Kế hoạch: tham mưu bố trí kinh phí thực hiện Kế hoạch.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể
Tuyên truyền, vận động hội viên tham gia học tập.
- Đề nghị Hội Nông dân huyện, Hội Cựu chiến binh huyện nhân rộng mô hình học tập.
- Đề nghị Mặt trận Tổ quốc Việt Nam huyện giám sát việc thực hiện.
4. Trạm Chăn nuôi và Thú y huyện: hướng dẫn tiêm phòng cho đàn vật nuôi.

PHỤ LỤC
| TT | Đơn vị phối hợp | Thời gian | Nội dung | Đơn vị chủ trì |
|---|---|---|---|---|
| 1 | Phòng Nội vụ | Tháng 6/2024 | Tổ chức Tuần lễ học tập suốt đời | Phòng Văn hóa và Thông tin |
| 2 | Hội Khuyến học huyện | Thường xuyên | Biểu dương gia đình học tập | UBND các xã |
"""


@pytest.fixture(scope="module")
def plan():
    return extract_text(PLAN)


def _task(plan, words: str):
    return next(task for task in plan.tasks if words in task.description)


def test_nhiem_vu_items_are_tasks_with_their_time(plan) -> None:
    task = _task(plan, "Đẩy mạnh tuyên truyền")
    assert task.origin == "prose"
    assert task.timeframe is not None and task.timeframe.text.endswith("Quý II/2024")
    assert task.timeframe.start == "2024-04-01"


def test_targets_are_not_tasks(plan) -> None:
    assert not any("Phấn đấu" in task.description for task in plan.tasks)


def test_an_agency_heading_gives_its_body_and_its_role(plan) -> None:
    task = _task(plan, "hướng dẫn các xã")
    roles = {a.name: a.role for a in task.assignments}
    assert roles == {"Phòng Giáo dục và Đào tạo": "lead", "Phòng Nội vụ": "cooperating"}
    assert task.origin == "agency_item"


def test_a_duty_after_the_heading_colon(plan) -> None:
    task = _task(plan, "bố trí kinh phí")
    assert [(a.name, a.role) for a in task.assignments] == [
        ("Phòng Tài chính - Kế hoạch", "advising")]


def test_requested_bodies(plan) -> None:
    task = _task(plan, "vận động hội viên")
    assert {a.role for a in task.assignments} == {"requested"}
    assert "các đoàn thể" in {a.name for a in task.assignments}


def test_a_request_under_a_request_heading_is_made_of_both(plan) -> None:
    task = _task(plan, "nhân rộng mô hình")
    assert [(a.name, a.role) for a in task.assignments] == [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "requested"), ("các đoàn thể", "requested"),
        ("Hội Nông dân huyện", "requested"), ("Hội Cựu chiến binh huyện", "requested")]
    # The heading's body named again in the duty's words is listed once, as the duty names it.
    task = _task(plan, "giám sát việc thực hiện")
    assert [a.name for a in task.assignments] == ["các đoàn thể",
                                                  "Mặt trận Tổ quốc Việt Nam huyện"]


def test_duties_under_a_request_heading_are_requested_in_its_sub_items() -> None:
    text = ("KẾ HOẠCH\nThực hiện Đề án năm 2024\nI. TỔ CHỨC THỰC HIỆN\n"
            "1. Đề nghị các tổ chức chính trị - xã hội, tổ chức xã hội, nghề nghiệp\n"
            "1.1. Hội Liên hiệp Phụ nữ tỉnh:\n"
            "- Phối hợp với Sở Giáo dục và Đào tạo vận động phụ nữ tham gia học nghề.\n"
            "2. Ban Quản lý xây dựng nông thôn mới xã\n"
            "- Theo dõi, đôn đốc việc thực hiện Kế hoạch.\n")
    plan = extract_text(text)
    assert [(a.name, a.role) for a in _task(plan, "vận động phụ nữ").assignments] == [
        ("Hội Liên hiệp Phụ nữ tỉnh", "requested"), ("Sở Giáo dục và Đào tạo", "cooperating")]
    assert [a.name for a in _task(plan, "đôn đốc").assignments] == [
        "Ban Quản lý xây dựng nông thôn mới xã"]


TV = "Đài Phát thanh - Truyền hình Hà Tĩnh"


@pytest.mark.parametrize(("heading", "duty", "expected"), [
    # the heading's own body named again is still the one asked
    ("Đề nghị Hội Khuyến học quận",
     "Thường trực Hội Khuyến học quận và 3 Cụm thi đua phường tổ chức họp giao ban",
     [("Hội Khuyến học quận", "requested"), ("3 Cụm thi đua phường", "responsible")]),
    # a duty whose subject is some of the bodies asked is theirs alone ...
    (f"Đề nghị Sở Giáo dục và Đào tạo, Báo Hà Tĩnh, {TV}",
     f"Báo Hà Tĩnh, {TV} phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh đưa tin",
     [("Báo Hà Tĩnh", "requested"), (TV, "requested"),
      ("Trung tâm Kiểm soát bệnh tật tỉnh", "cooperating")]),
    # ... and so is one whose subject is an association the heading's collective holds
    ("Đề nghị Ủy ban MTTQ xã và các tổ chức chính trị - xã hội xã",
     "Hội Nông dân xã phối hợp với Hợp tác xã Nông nghiệp Tân Thịnh vận động hội viên",
     [("Hội Nông dân xã", "requested"),
      ("Hợp tác xã Nông nghiệp Tân Thịnh", "cooperating")]),
    # ... and one with no subject is asked of them all
    (f"Đề nghị Sở Giáo dục và Đào tạo, Báo Hà Tĩnh, {TV}",
     "Tuyên truyền về lợi ích của tiêm chủng",
     [("Sở Giáo dục và Đào tạo", "requested"), ("Báo Hà Tĩnh", "requested"),
      (TV, "requested")]),
])
def test_who_a_duty_under_a_request_heading_asks(heading: str, duty: str,
                                                 expected: list[tuple[str, str]]) -> None:
    plan = extract_text(f"KẾ HOẠCH\nThực hiện Đề án năm 2025\nI. TỔ CHỨC THỰC HIỆN\n"
                        f"1. {heading}:\n- {duty}.\n")
    assert [(a.name, a.role) for a in _task(plan, duty[-12:]).assignments] == expected


def test_a_station_heading_gives_its_duties_its_body(plan) -> None:
    task = _task(plan, "tiêm phòng cho đàn vật nuôi")
    assert [(a.name, a.role) for a in task.assignments] == [
        ("Trạm Chăn nuôi và Thú y huyện", "responsible")]


def test_recurring_duty_has_its_rule(plan) -> None:
    task = _task(plan, "Định kỳ báo cáo")
    assert task.recurrence == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"


def test_table_rows_in_any_column_order(plan) -> None:
    row = _task(plan, "Tuần lễ học tập")
    assert row.origin == "table"
    assert row.lead_agencies == ["Phòng Văn hóa và Thông tin"]
    assert row.cooperating_agencies == ["Phòng Nội vụ"]
    assert row.timeframe is not None and row.timeframe.start == "2024-06-01"
    other = _task(plan, "Biểu dương")
    assert other.timeframe is not None and other.timeframe.kind == "unspecified"


def test_a_kind_of_institution_heading_a_solution_is_a_topic_not_a_doer() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nXây dựng xã hội học tập năm 2024\n\nI. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Củng cố mạng lưới cơ sở giáo dục:\na) Trung tâm học tập cộng đồng:\n"
        "- Củng cố, nâng cao hiệu quả hoạt động của các trung tâm.\n"
        "b) Các cơ sở giáo dục khác:\n- Củng cố, phát triển các trung tâm ngoại ngữ, tin học.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Trung tâm học tập cộng đồng:\n"
        "- Tổ chức các lớp chuyên đề cho người dân.\n")
    topic = _task(plan, "nâng cao hiệu quả hoạt động")
    assert topic.assignments == []
    assert _task(plan, "trung tâm ngoại ngữ").assignments == []
    duty = _task(plan, "lớp chuyên đề")
    assert [a.name for a in duty.assignments] == ["Trung tâm học tập cộng đồng"]


def test_register_merges_forms_and_counts_roles(plan) -> None:
    by_name = {agency.name: agency for agency in plan.agencies}
    office = by_name["Phòng Nội vụ"]
    assert office.level == "huyen" and len(office.mentions) == 2
    assert office.roles == {"cooperating": 2}
    front = next(a for a in plan.agencies if a.kind == "front")
    assert front.name == "Ủy ban Mặt trận Tổ quốc Việt Nam huyện An Lão"
    assert front.locality == "An Lão"
    assert all(plan_text_matches(a) for a in plan.agencies)


@pytest.mark.parametrize(("cell", "roles"), [
    ("Chủ trì: Phòng Văn hóa - Xã hội; phối hợp: Công an xã, các thôn",
     [("Phòng Văn hóa - Xã hội", "lead"), ("Công an xã", "cooperating"),
      ("các thôn", "cooperating")]),
    ("Phòng Kinh tế chủ trì; Hội Nông dân xã, Đoàn Thanh niên xã phối hợp",
     [("Phòng Kinh tế", "lead"), ("Hội Nông dân xã", "cooperating"),
      ("Đoàn Thanh niên xã", "cooperating")]),
    ("Công an xã (chủ trì), Trạm Y tế xã",
     [("Công an xã", "lead"), ("Trạm Y tế xã", "responsible")]),
])
def test_one_cell_of_bodies_says_their_roles(cell: str, roles: list[tuple[str, str]]) -> None:
    from extractor.rules.tasks import _cell_assignments

    found = _cell_assignments(cell, 0, "responsible", find_mentions(cell))
    assert [(a.name, a.role) for a in found] == roles


def test_a_special_zone_is_a_locality_of_the_communes_tier() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC\nSố: 57/KH-UBND\nPhú Quốc, ngày 08 tháng 4 năm 2026\n"
        "KẾ HOẠCH\nPhát triển du lịch năm 2026\nI. KINH PHÍ\n- Ngân sách đặc khu: 4.200 triệu "
        "đồng.\nII. TỔ CHỨC THỰC HIỆN\n1. Công an đặc khu: chủ trì bảo đảm an ninh.\n")
    document = plan.document
    assert (document.issuer.name, document.issuer.level) == (
        "Ủy ban nhân dân đặc khu Phú Quốc", "xa")
    assert (document.locality.name, document.locality.level) == ("Phú Quốc", "dac_khu")
    assert [f.source for f in plan.funding] == ["ngan_sach_xa"]
    assert {agency.name: agency.level for agency in plan.agencies}[
        "Công an đặc khu Phú Quốc"] == "xa"


def test_a_short_name_given_in_words_is_read_whole_where_it_is_used() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nDu lịch năm 2026\nI. TỔ CHỨC THỰC HIỆN\n1. Ban Quản lý các khu du lịch đặc khu "
        "(sau đây gọi tắt là Ban Quản lý khu du lịch) chủ trì quản lý.\n"
        "2. Công an đặc khu phối hợp với Ban Quản lý khu du lịch tuần tra.\n"
        "BẢNG\nNội dung\tĐơn vị chủ trì\nTuần tra bãi biển\tBan Quản lý khu du lịch\n")
    names = {a.name for task in plan.tasks for a in task.assignments}
    assert "Ban Quản lý khu du lịch" in names and "Ban Quản lý" not in names


def test_a_row_numbered_as_the_parent_of_the_rows_under_it_is_a_group() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nKỹ năng số\nPHỤ LỤC\nSTT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "1\tCông tác chỉ đạo, điều hành\t\t\n"
        "1.1\tBan hành kế hoạch\tSở Khoa học và Công nghệ\tQuý I/2026\n"
        "1.2\tKiện toàn tổ công tác\tSở Nội vụ\tQuý I/2026\n"
        "2\tTuyên truyền trên báo\tBáo và Phát thanh, Truyền hình tỉnh\tCả năm\n")
    assert [task.description for task in plan.tasks] == [
        "Ban hành kế hoạch", "Kiện toàn tổ công tác", "Tuyên truyền trên báo"]


@pytest.mark.parametrize(("issued", "level"), [("2026-03-16", "xa"), ("2024-03-16", "huyen")])
def test_a_communes_offices_since_2025_are_its_own(issued: str, level: str) -> None:
    year, month, day = issued.split("-")
    plan = extract_text(
        f"ỦY BAN NHÂN DÂN\nXÃ GIA VIỄN\nSố: 5/KH-UBND\nGia Viễn, ngày {day} tháng {month} năm "
        f"{year}\nKẾ HOẠCH\nChuyển đổi số\nI. TỔ CHỨC THỰC HIỆN\n1. Phòng Kinh tế: hướng dẫn "
        "hợp tác xã.\n2. Các phòng chuyên môn thuộc UBND xã: triển khai.\n")
    levels = {agency.name: agency.level for agency in plan.agencies}
    assert levels["Phòng Kinh tế"] == level


def test_which_places_a_collective_names_hold_for_other_bodies_of_those_places() -> None:
    from extractor.rules.agencies import with_short_forms

    text = ("3. UBND các xã, phường có rừng: tổ chức trực. Tỉnh Đoàn chỉ đạo các cơ sở Đoàn tại "
            "các xã, phường có rừng thành lập đội thanh niên.")
    assert [m.surface for m in with_short_forms(text, find_mentions(text))] == [
        "UBND các xã, phường có rừng", "Tỉnh Đoàn", "các cơ sở Đoàn tại các xã, phường có rừng"]


def test_a_collectives_short_form_stands_for_all_of_it() -> None:
    from extractor.rules.agencies import with_short_forms

    text = ("Trung tâm Y tế các huyện, thị xã, thành phố (sau đây gọi tắt là TTYT huyện) tổ chức "
            "tiêm; CDC phối hợp với TTYT huyện giám sát.")
    shorts = [m for m in with_short_forms(text, find_mentions(text)) if m.surface == "TTYT huyện"]
    assert len(shorts) == 1 and shorts[0].collective
    assert shorts[0].full == "Trung tâm Y tế các huyện, thị xã, thành phố"
    # a short form in words, too: "(sau đây gọi tắt là UBND cấp huyện)"
    text = ("trách nhiệm của Ủy ban nhân dân các huyện, thị xã, thành phố (sau đây gọi tắt là UBND "
            "cấp huyện) trong tổ chức thực hiện; UBND cấp huyện bố trí kinh phí.")
    shorts = [m for m in with_short_forms(text, find_mentions(text))
              if m.surface == "UBND cấp huyện"]
    assert shorts and all(m.full == "Ủy ban nhân dân các huyện, thị xã, thành phố"
                          for m in shorts)


def test_short_names_and_desks_are_the_bodies_named_in_full() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH\nSố: 5/KH-UBND\nKẾ HOẠCH\nAn toàn thực phẩm năm 2025\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Bộ phận Tài chính – Kế toán: bố trí kinh phí.\n"
        "2. Đoàn Thanh niên Cộng sản Hồ Chí Minh phường: tuyên truyền.\n"
        "3. Trạm Y tế phường: phối hợp với Tài chính - Kế toán, Đoàn Thanh niên phường và Đội "
        "Quản lý thị trường số 1 kiểm tra; Đội QLTT số 1 lấy mẫu.\n")
    names = {agency.name: len(agency.mentions) for agency in plan.agencies}
    assert names["Bộ phận Tài chính – Kế toán"] == 2
    assert names["Đoàn Thanh niên Cộng sản Hồ Chí Minh phường An Bình"] == 2
    assert [n for n in names if "thị trường" in n] == ["Đội Quản lý thị trường số 1"]


def plan_text_matches(agency) -> bool:
    return all(end > start for start, end in (m.span for m in agency.mentions))


SMALL_PLAN = """ỦY BAN NHÂN DÂN XÃ AN HÒA
Số: 05/KH-UBND
An Hòa, ngày 10 tháng 4 năm 2025

KẾ HOẠCH
Phòng, chống thiên tai năm 2025

I. NHIỆM VỤ
1. Tổ chức huấn luyện cho lực lượng xung kích; mỗi thôn tổ chức ít nhất 01 đợt diễn tập.
2. Xã phối hợp với Trung tâm Y tế huyện tổ chức khám sàng lọc cho người dân.

II. TỔ CHỨC THỰC HIỆN
1. Công chức Địa chính - Xây dựng (cơ quan thường trực Ban Chỉ huy phòng, chống thiên tai xã)
- Chủ trì kiểm tra an toàn hồ chứa, đê điều trên địa bàn xã.
2. Đài Truyền thanh xã
- Thường xuyên đưa tin về công tác phòng, chống thiên tai.
3. Công an xã
- Phối hợp với Đoàn Thanh niên xã tham mưu UBND xã:
- Xây dựng phương án sơ tán dân khi có bão lũ.
"""


def test_localities_acting_and_a_heading_with_the_body_it_serves() -> None:
    plan = extract_text(SMALL_PLAN)
    roles = {task.description[:20]: [(a.name, a.role) for a in task.assignments]
             for task in plan.tasks}
    assert roles["Tổ chức huấn luyện c"] == [("mỗi thôn", "responsible")]
    assert roles["Xã phối hợp với Trun"] == [("Xã", "cooperating"),
                                             ("Trung tâm Y tế huyện", "cooperating")]
    assert roles["Chủ trì kiểm tra an t"[:20]] == [("Công chức Địa chính - Xây dựng", "lead")]
    # A bullet ending in ":" speaks for the bullets after it.
    assert roles["Xây dựng phương án s"] == [("Công an xã", "advising"),
                                             ("Đoàn Thanh niên xã", "cooperating")]
    regularly = next(task for task in plan.tasks if task.description.startswith("Thường"))
    assert (regularly.timeframe.kind, regularly.timeframe.reason) == ("unspecified",
                                                                      "thường xuyên")


def test_a_cell_leaves_out_the_bodies_its_work_is_for() -> None:
    from extractor.rules.tasks import _cell_assignments

    cell = ("HKH Thành phố phối hợp với Phòng GD&ĐT tập huấn cho BCH HKH thành phố, cán bộ HKH "
            "xã, phường và các trường học của thành phố")
    found = _cell_assignments(cell, 0, "responsible", find_mentions(cell))
    assert [(a.name, a.role) for a in found] == [("HKH Thành phố", "cooperating"),
                                                 ("Phòng GD&ĐT", "cooperating")]


@pytest.mark.parametrize(("name", "own_tier", "level"), [
    ("UBND các huyện, thị xã, thành phố", "tinh", "huyen"),   # one tier, in unit words
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "trung_uong", "tinh"),
    ("các sở, ban, ngành liên quan", "huyen", "tinh"),          # a kind of one tier
    ("các phòng, ban, ngành", "tinh", "huyen"),
    ("các trường THPT trên địa bàn huyện", "huyen", "tinh"),  # the province's, wherever they are
    ("Các phòng chuyên môn thuộc Sở", "tinh", "tinh"),
    ("các trung tâm học tập cộng đồng", "tinh", "xa"),
    ("các sở, ngành, huyện, thành phố", "tinh", None),          # several tiers
    ("Hội Khuyến học các cấp", "huyen", None),
    ("Hội Khuyến học cùng cấp", "huyen", "huyen"),              # the issuer's
    ("các cơ quan, đơn vị liên quan", "xa", "xa"),              # no tier named: the issuer's
    ("các địa phương", "tinh", "huyen"),                        # a province's are districts
    ("các cơ quan, đơn vị, địa phương", "tinh", None),          # its own and those below
    ("đội dân phòng", "huyen", "xa"),        # a team in every village ("dân phòng": no Phòng)
    # forests kept against erosion ("phòng hộ"), no Phòng
    ("các Ban Quản lý rừng phòng hộ, rừng đặc dụng", "tinh", "tinh"),
    ("các đơn vị lực lượng vũ trang đóng quân trên địa bàn", "tinh", None),  # the army's own
])
def test_a_collectives_level(name: str, own_tier: str, level: str | None) -> None:
    from extractor.rules.agencies import _collective_level

    assert _collective_level(name, own_tier) == level


def test_a_line_that_sends_papers_is_the_task_and_the_papers_are_not() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nXây dựng xã hội học tập\n\nI. NHIỆM VỤ\n1. Hồ sơ công nhận\n"
        "Ủy ban nhân dân phường gửi Ủy ban nhân dân quận 01 bộ hồ sơ đề nghị đánh giá, gồm:\n"
        "- Tờ trình của Ủy ban nhân dân phường.\n- Biên bản tự kiểm tra, đánh giá, xếp loại.\n"
        "2. Các nhiệm vụ trọng tâm gồm:\n- Tuyên truyền về học tập suốt đời.\n")
    assert [task.description for task in plan.tasks] == [
        "Ủy ban nhân dân phường gửi Ủy ban nhân dân quận 01 bộ hồ sơ đề nghị đánh giá, gồm",
        "Tuyên truyền về học tập suốt đời"]


FIELD_TABLES = """KẾ HOẠCH
Xây dựng nông thôn mới

III. NHIỆM VỤ VÀ GIẢI PHÁP

Nhiệm vụ 1: Rà soát tiêu chí nông thôn mới nâng cao

Nội dung\tRà soát, đánh giá mức độ đạt các tiêu chí tại 12 xã
Cơ quan chủ trì\tPhòng Nông nghiệp và Môi trường
Cơ quan phối hợp\tPhòng Tài chính - Kế hoạch, UBND các xã
Thời gian hoàn thành\tQuý III/2025
Sản phẩm\tBáo cáo kết quả rà soát

Nhiệm vụ 2: Phát triển sản phẩm OCOP

Đơn vị thực hiện\tTrung tâm Dịch vụ nông nghiệp huyện
Thời gian thực hiện\tNăm 2025
Kết quả/sản phẩm\t10 sản phẩm OCOP

Ghi chú\tMột bảng hai cột khác
Nguồn\tSở Tài chính
Năm\t2025
"""


def test_a_table_of_one_tasks_fields_is_that_task() -> None:
    plan = extract_text(FIELD_TABLES)
    found = [(task.description, [(a.name, a.role) for a in task.assignments],
              task.timeframe.text if task.timeframe else None, task.deliverable)
             for task in plan.tasks]
    assert found == [
        ("Rà soát, đánh giá mức độ đạt các tiêu chí tại 12 xã",
         [("Phòng Nông nghiệp và Môi trường", "lead"), ("Phòng Tài chính - Kế hoạch",
                                                          "cooperating"),
          ("UBND các xã", "cooperating")], "Quý III/2025", "Báo cáo kết quả rà soát"),
        # No "Nội dung" row: the caption names the task; the caption is no task of its own.
        ("Phát triển sản phẩm OCOP", [("Trung tâm Dịch vụ nông nghiệp huyện", "responsible")],
         "Năm 2025", "10 sản phẩm OCOP"),
    ]
    # Field tables have no header row; a two-column table of other things is a plain table.
    assert [(len(table.header), len(table.rows)) for table in plan.tables] == [
        (0, 5), (0, 3), (2, 2)]


CLOSING_PLAN = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
Số: 15/KH-UBND
Tân Lập, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Bảo vệ môi trường năm 2025

I. NHIỆM VỤ
1. Phòng chống rác thải
- Phối hợp cùng Hội Nông dân xã báo cáo kết quả năm 2024. Triển khai mô hình phân loại rác tại \
các thôn. Giới thiệu mô hình tốt cho các thôn khác (Tháng 2/2025).

II. TỔ CHỨC THỰC HIỆN
1. Công an xã
- Kiểm tra việc xả thải tại các cơ sở sản xuất.
2. Đề nghị Ủy ban MTTQ Việt Nam xã và các đoàn thể
Tuyên truyền, vận động hội viên phân loại rác.
UBND xã yêu cầu các ban, ngành, đoàn thể nghiêm túc triển khai. Trong quá trình thực hiện, nếu có \
khó khăn, kịp thời báo cáo UBND xã.

Trên đây là Kế hoạch bảo vệ môi trường năm 2025 của xã. Yêu cầu các ngành, các thôn nghiêm túc \
triển khai thực hiện./.
"""


@pytest.fixture(scope="module")
def closing_plan():
    return extract_text(CLOSING_PLAN)


def test_an_items_closing_bracket_times_each_of_its_sentences(closing_plan) -> None:
    times = [_task(closing_plan, words).timeframe for words in
             ("Phối hợp cùng Hội Nông dân", "Triển khai mô hình", "Giới thiệu mô hình")]
    assert [time.text if time else None for time in times] == ["Tháng 2/2025"] * 3


def test_a_paragraph_that_names_another_subject_leaves_its_heading(closing_plan) -> None:
    asked = _task(closing_plan, "UBND xã yêu cầu")
    assert [(a.name, a.role) for a in asked.assignments] == [
        ("các ban, ngành, đoàn thể", "responsible")]
    assert _task(closing_plan, "Trong quá trình thực hiện").assignments == []
    # The heading still speaks for the paragraph right under it.
    assert {a.role for a in _task(closing_plan, "Tuyên truyền, vận động").assignments} == {
        "requested"}


def test_the_closing_paragraphs_call_to_carry_out_the_plan_is_no_task(closing_plan) -> None:
    assert not any("Trên đây" in task.description or "Yêu cầu các ngành" in task.description
                   for task in closing_plan.tasks)


def test_an_item_numbered_as_if_a_level_were_left_out_stays_under_its_heading() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nXây dựng xã hội học tập\n\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Giáo dục và Đào tạo: chủ trì triển khai Kế hoạch.\n"
        "2. Sở Tài chính: bố trí kinh phí.\n3. Sở Nội vụ: hướng dẫn thi đua.\n"
        "4. Đề nghị các tổ chức chính trị - xã hội tỉnh\n"
        "4.1. Hội Liên hiệp Phụ nữ tỉnh: vận động hội viên học tập.\n"
        "4.2. Hội Khuyến học tỉnh: phát triển quỹ khuyến học.\n"
        "3. Hội Nông dân tỉnh:\n- Vận động nông dân tham gia học nghề.\n"
        "5. Công an tỉnh: bảo đảm an ninh.\n")
    # "3." right after "4.2." (a number going back) is the "4.3." the writer meant: asked, like
    # its siblings; "5." after it is a new item again.
    assert [(a.name, a.role) for a in _task(plan, "Vận động nông dân").assignments] == [
        ("Hội Nông dân tỉnh", "requested")]
    assert [(a.name, a.role) for a in _task(plan, "bảo đảm an ninh").assignments] == [
        ("Công an tỉnh", "responsible")]


def test_a_bullets_intro_speaks_for_the_bullets_not_a_paragraph_below_them() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nXây dựng xã hội học tập\n\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Hội Khuyến học phường\n"
        "- Phối hợp với các trường trên địa bàn phường tham mưu Ủy ban nhân dân phường:\n"
        "- Bổ sung, hoàn thiện các tiêu chí đánh giá mô hình học tập.\n"
        "Chủ trì tổ chức tuyên truyền về xây dựng xã hội học tập.\n")
    assert {(a.name, a.role) for a in _task(plan, "Bổ sung, hoàn thiện").assignments} == {
        ("Hội Khuyến học phường", "advising"),  # "tham mưu" outranks helping
        ("các trường trên địa bàn phường", "cooperating")}
    assert [(a.name, a.role) for a in _task(plan, "Chủ trì tổ chức").assignments] == [
        ("Hội Khuyến học phường", "lead")]


def test_a_steering_committee_named_short_is_the_one_named_in_full() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống thiên tai năm 2025\n\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh chỉ đạo ứng phó.\n"
        "2. Các sở, ngành báo cáo Ban Chỉ đạo tỉnh trước ngày 15/12.\n")
    (committee,) = [agency for agency in plan.agencies if agency.kind == "steering"]
    assert committee.name == "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh"
    assert committee.aliases == ["Ban Chỉ đạo tỉnh"] and len(committee.mentions) == 2


@pytest.mark.parametrize(("name", "level"), [
    ("HKH cơ sở thành phố Bắc Kạn", "xa"),  # grassroots units of a city's association
    ("Công đoàn cơ sở", "xa"),
    ("các cơ sở giáo dục trên địa bàn quận", "huyen"),  # schools, not grassroots units
])
def test_grassroots_units_are_of_the_communes(name: str, level: str) -> None:
    from extractor.rules.agencies import _collective_level

    assert _collective_level(name, "huyen") == level


SHAPES_PLAN = """KẾ HOẠCH
Xây dựng xã hội học tập năm 2025

II. NHIỆM VỤ
1. Tổ chức các hoạt động tại Trung tâm
- Tổ chức sinh hoạt chuyên đề. Tùy theo điều kiện, các Trung tâm học tập cộng đồng tổ chức:
- Tổ chức các lớp dạy nghề ngắn hạn.
2. Quy trình
- Bước 3: Trong vòng 10 ngày kể từ khi nhận hồ sơ. Chủ tịch UBND quận giao Phòng Tư pháp kiểm tra.
III. TỔ CHỨC THỰC HIỆN
1. Đề nghị các tổ chức chính trị - xã hội
1.1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia tuyên truyền, vận động nhân dân học tập.
Chỉ đạo mặt trận tổ quốc các cấp phối hợp với ngành giáo dục thực hiện xây dựng xã hội học tập.
2. Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an xã thường xuyên tuyên truyền.
IV. TIẾN ĐỘ THỰC HIỆN
1. Lộ trình triển khai: chia thành 2 giai đoạn
- Giai đoạn 1: Từ năm 2021 - 2025.
- Giai đoạn 2: Từ năm 2026 - 2030.
2. Đến hết tháng 10/2025: Thành lập xong ban chỉ đạo các cấp.
"""


@pytest.fixture(scope="module")
def shapes_plan():
    return extract_text(SHAPES_PLAN)


def test_a_duty_before_an_intro_in_one_item_and_the_bullets_the_intro_speaks_for(
        shapes_plan) -> None:
    assert _task(shapes_plan, "Tổ chức sinh hoạt").assignments == []
    assert [(a.name, a.role) for a in _task(shapes_plan, "Tổ chức các lớp").assignments] == [
        ("các Trung tâm học tập cộng đồng", "responsible")]


def test_a_time_limit_cut_off_by_a_stray_full_stop_opens_the_next_sentence(shapes_plan) -> None:
    task = _task(shapes_plan, "Bước 3")
    assert "Chủ tịch UBND quận giao" in task.description
    assert not any(t.description.startswith("Chủ tịch") for t in shapes_plan.tasks)


def test_an_item_of_two_paragraphs_gives_its_body_to_both(shapes_plan) -> None:
    for start in ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia", "Chỉ đạo mặt trận"):
        assert ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "requested") in {
            (a.name, a.role) for a in _task(shapes_plan, start).assignments}


def test_regularly_after_the_bodies_is_the_duty_s_time(shapes_plan) -> None:
    task = _task(shapes_plan, "Phòng Văn hóa - Xã hội chủ trì")
    assert task.timeframe is not None and task.timeframe.reason == "thường xuyên"
    assert "thường xuyên" in [t.text for t in shapes_plan.time_expressions]


def test_schedule_lines_are_tasks_and_phase_lines_are_not(shapes_plan) -> None:
    task = _task(shapes_plan, "Đến hết tháng 10/2025")
    assert task.timeframe is not None and task.timeframe.end == "2025-10-31"
    assert not any(t.description.startswith("Giai đoạn") for t in shapes_plan.tasks)
    assert not any("2021" in t.text for t in shapes_plan.time_expressions)


def test_a_closing_call_to_carry_out_the_plan_in_other_words_is_no_task() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nKỹ năng số\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: kiện toàn tổ công tác.\n"
        "Trên đây là Kế hoạch kỹ năng số của tỉnh. Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, "
        "ban, ngành nghiêm túc tổ chức thực hiện.\n")
    assert [task.description for task in plan.tasks] == ["kiện toàn tổ công tác"]


@pytest.mark.parametrize("closing", [
    "Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường tổ chức triển khai "
    "thực hiện nghiêm túc, hiệu quả.",
    "Yêu cầu các bộ phận, đơn vị; đề nghị Ủy ban MTTQ Việt Nam phường và các đoàn thể phối hợp "
    "triển khai thực hiện nghiêm túc.",
])
def test_a_closing_call_to_carry_out_the_plan_well_is_no_task(closing: str) -> None:
    plan = extract_text("KẾ HOẠCH\nCải cách hành chính\nI. TỔ CHỨC THỰC HIỆN\n"
                        "1. Sở Nội vụ: kiện toàn tổ công tác.\n"
                        f"Trên đây là Kế hoạch cải cách hành chính của tỉnh. {closing}\n")
    assert [task.description for task in plan.tasks] == ["kiện toàn tổ công tác"]


def test_a_pointer_to_the_table_of_tasks_is_no_task() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nHoạt động hè\nIII. NHIỆM VỤ\n5. Phân công\nNội dung công việc, thời gian "
        "thực hiện, đơn vị chủ trì, đơn vị phối hợp được phân công chi tiết tại Phụ lục kèm theo "
        "Kế hoạch này.\n")
    assert plan.tasks == []


def test_a_time_in_a_cited_documents_subject_is_no_schedule() -> None:
    cited = ("KẾ HOẠCH\nHoạt động hè\nIII. NHIỆM VỤ\n- Hướng dẫn Ban điều hành các khu phố tổ "
             "chức sinh hoạt hè theo Công văn số 1520/BVHTTDL-GĐ ngày 12/5/2025 của Bộ Văn hóa, "
             "Thể thao và Du lịch về việc tổ chức hoạt động văn hóa, thể thao hè năm 2025 cho trẻ "
             "em")
    plan = extract_text(cited + ".\n")
    assert plan.time_expressions == [] and plan.tasks[0].timeframe is None
    # the plan's own deadline after the cited title is still the task's
    plan = extract_text(cited + ", hoàn thành trước ngày 30/8/2025.\n")
    assert [time.text for time in plan.time_expressions] == ["hoàn thành trước ngày 30/8/2025"]
    # a decision that lays down a yearly procedure: its subject, not the duty's schedule
    plan = extract_text(
        "KẾ HOẠCH\nGiảm nghèo năm 2024\nIII. NHIỆM VỤ\n- Tổ chức rà soát hộ nghèo năm 2024 theo "
        "quy trình tại Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy "
        "định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm; phê duyệt kết quả trước ngày "
        "20/12/2024.\n")
    assert [time.text for time in plan.time_expressions] == ["trước ngày 20/12/2024"]
    # the subject of such a decision ends at a comma; the duty's own deadline may follow
    plan = extract_text(
        "KẾ HOẠCH\nCải cách hành chính năm 2023\nIII. NHIỆM VỤ\n- Văn phòng Sở hướng dẫn xây "
        "dựng phương án tự chủ tài chính theo Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của "
        "Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập, trình Giám "
        "đốc Sở phê duyệt trước ngày 31/3/2023.\n")
    assert [time.text for time in plan.time_expressions] == ["trước ngày 31/3/2023"]


def test_a_duty_that_points_to_the_appendix_or_weighs_a_measure_is_still_a_task() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nCải cách hành chính\nIII. NHIỆM VỤ\n1. Phân công\nSở Y tế chủ trì thực hiện "
        "các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\nCải cách hành chính là nhiệm vụ "
        "trọng tâm, UBND các xã chủ động triển khai thực hiện.\n")
    assert [task.description[:20] for task in plan.tasks] == [
        "Sở Y tế chủ trì thực", "Cải cách hành chính "]


def test_what_a_measure_is_names_no_task() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhòng, chống sốt xuất huyết\nIII. NHIỆM VỤ, GIẢI PHÁP\n4. Truyền thông\n"
        "Truyền thông là giải pháp then chốt để thay đổi hành vi phòng bệnh của người dân. Đài "
        "Truyền thanh - Truyền hình huyện xây dựng chuyên mục phòng, chống sốt xuất huyết.\n")
    assert [task.description[:20] for task in plan.tasks] == ["Đài Truyền thanh - T"]


def test_bodies_of_a_ward_plan_since_the_two_tier_reform() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA CƯỜNG\nSố: 187/KH-UBND\nHòa Cường, ngày 22 tháng 8 năm 2025\n"
        "KẾ HOẠCH\nDân số năm 2025\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban CHQS phường: phối hợp tuyên truyền.\n"
        "2. Trạm Y tế phường báo cáo UBND thành phố và Chi cục Dân số trước ngày 25/12/2025.\n")
    levels = {agency.name: agency.level for agency in plan.agencies}
    assert levels["Ban Chỉ huy Quân sự phường Hòa Cường"] == "xa"  # "Ban CHQS" written out
    assert levels["Ủy ban nhân dân thành phố"] == "tinh"  # no city stands under a province
    assert levels["Chi cục Dân số"] == "tinh"  # a Sở's sub-department


def test_a_collective_of_the_plans_own_area_is_one_with_or_without_saying_so() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ HOẰNG LỘC\nSố: 18/KH-UBND\nKẾ HOẠCH\nHọc tập suốt đời năm 2026\n"
        "V. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị, trường học trên địa bàn xã xây dựng kế "
        "hoạch.\n2. Phòng Văn hóa - Xã hội xã hướng dẫn các cơ quan, đơn vị, trường học đăng ký."
        "\n3. Phòng Giao dịch Ngân hàng Chính sách xã hội huyện cho vay vốn.\n")
    collectives = [a for a in plan.agencies if a.collective]
    assert [(a.name, len(a.mentions)) for a in collectives] == [
        ("Các cơ quan, đơn vị, trường học trên địa bàn xã", 2)]
    # a bank's office in the district is one body with the bank
    assert [a.name for a in plan.agencies if "Ngân hàng" in a.name] == [
        "Phòng Giao dịch Ngân hàng Chính sách xã hội huyện"]


def test_register_names_settled_by_the_plan_around_them() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 5/KH-UBND\nKẾ HOẠCH\nChuyển đổi số năm 2026\n"
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Khoa học và Công nghệ phối hợp với Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh "
        "(Tỉnh đoàn) tổ chức Lễ phát động.\n"
        "2. Sở Giáo dục và Đào tạo phối hợp với Tỉnh đoàn tổ chức Cuộc thi.\n"
        "3. Hội Khuyến học tỉnh, Hội Khuyến học huyện Chư Sê và Hội Khuyến học tuyên truyền.\n"
        "STT\tĐịa bàn\tĐơn vị phối hợp\n"
        "1\tHuyện Phù Cát\tPhòng Kinh tế và Hạ tầng huyện\n"
        "2\tHuyện Phù Mỹ\tPhòng Kinh tế và Hạ tầng huyện\n")
    by_name = {agency.name: agency for agency in plan.agencies}
    # a shorter name in brackets is the body's alias; the bracket is no second mention
    youth = by_name["Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Gia Lai"]
    assert "Tỉnh đoàn" in youth.aliases and len(youth.mentions) == 2
    # a row given to a locality names that locality's body
    assert {"Phòng Kinh tế và Hạ tầng huyện Phù Cát",
            "Phòng Kinh tế và Hạ tầng huyện Phù Mỹ"} <= set(by_name)
    assert not by_name["Phòng Kinh tế và Hạ tầng huyện Phù Cát"].collective
    # a bare name beside bodies of that name at several tiers: the text does not tell which
    assert by_name["Hội Khuyến học"].level is None


def test_a_bracket_that_defines_a_short_form_is_no_second_mention() -> None:
    from extractor.rules.agencies import with_short_forms

    text = ("Chỉ đạo các Trung tâm học tập cộng đồng (sau đây gọi tắt là TTHTCĐ) tổ chức; các "
            "TTHTCĐ báo cáo.")
    assert [m.surface for m in with_short_forms(text, find_mentions(text))] == [
        "các Trung tâm học tập cộng đồng", "các TTHTCĐ"]


def test_field_lines_under_a_duty_give_its_bodies_and_time() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG VINH HƯNG\nSố: 27/KH-UBND\nKẾ HOẠCH\nPhòng, chống ma túy năm "
        "2026\nI. NHIỆM VỤ TRỌNG TÂM\n1. Rà soát người nghiện\nRà soát, lập hồ sơ quản lý người "
        "nghiện. Cập nhật cơ sở dữ liệu về ma túy.\n"
        "- Đơn vị thực hiện: Công an phường chủ trì; phối hợp: Trạm Y tế phường.\n"
        "- Thời gian: Quý I/2026.\n- Sản phẩm: Danh sách người nghiện.\n"
        "2. Tuyên truyền\nĐổi mới hình thức tuyên truyền.\n"
        "- Đơn vị thực hiện: Phòng Văn hóa - Xã hội.\n- Thời gian: Thường xuyên.\n")
    summary = [(task.description, [(a.name, a.role) for a in task.assignments],
                task.timeframe.text if task.timeframe else None, task.deliverable)
               for task in plan.tasks]
    both = [("Công an phường", "lead"), ("Trạm Y tế phường", "cooperating")]
    assert summary == [
        ("Rà soát, lập hồ sơ quản lý người nghiện", both, "Quý I/2026",
         "Danh sách người nghiện"),
        ("Cập nhật cơ sở dữ liệu về ma túy", both, "Quý I/2026", "Danh sách người nghiện"),
        ("Đổi mới hình thức tuyên truyền", [("Phòng Văn hóa - Xã hội", "responsible")],
         "Thường xuyên", None),
    ]


def test_a_sos_own_plan_names_its_units_short_and_itself_bare() -> None:
    plan = extract_text(
        "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 46/KH-STNMT\nQuảng Trị, ngày 13 tháng 01 năm 2023\n"
        "KẾ HOẠCH\nCải cách hành chính năm 2023 của Sở Tài nguyên và Môi trường\nI. NHIỆM VỤ\n"
        "1. Văn phòng Đăng ký đất đai chủ trì, phối hợp với Phòng Quản lý đất đai và Trung tâm "
        "Công nghệ thông tin số hóa hồ sơ của Sở.\n"
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\n"
        "1\tRà soát quy trình\tVPĐKĐĐ\tPhòng QLĐĐ; Trung tâm CNTT\n")
    by_name = {agency.name: agency for agency in plan.agencies}
    # the capitals of a name the plan spells out are that body, defined or not
    assert {"VPĐKĐĐ"} <= set(by_name["Văn phòng Đăng ký đất đai"].aliases)
    assert "Phòng QLĐĐ" in by_name["Phòng Quản lý đất đai"].aliases
    assert "Trung tâm CNTT" in by_name["Trung tâm Công nghệ thông tin"].aliases
    # "của Sở" in the Sở's own plan is the Sở
    own = next(agency for agency in plan.agencies if agency.name.startswith("Sở Tài nguyên"))
    assert "Sở" in own.aliases
    row = plan.tasks[-1]
    assert [(a.name, a.role) for a in row.assignments] == [
        ("VPĐKĐĐ", "lead"), ("Phòng QLĐĐ", "cooperating"), ("Trung tâm CNTT", "cooperating")]


def test_villages_named_with_any_determiner_are_one_collective() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ VĨNH HOÀNG\nSố: 9/KH-UBND\nKẾ HOẠCH\nPhòng thủ dân sự năm 2026\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Phòng Kinh tế chủ trì, phối hợp với các thôn thống kê thiệt "
        "hại.\n2. Mỗi thôn chuẩn bị lực lượng tại chỗ.\n3. Trạm Y tế xã phối hợp với Trưởng thôn "
        "vận động; Trưởng các thôn báo cáo nhanh.\n")
    entries = {agency.name: (len(agency.mentions), agency.collective, agency.level)
               for agency in plan.agencies}
    assert entries["các thôn"] == (2, True, "xa")
    assert entries["Trưởng các thôn"] == (2, True, "xa")
    assert "Mỗi thôn" not in entries and "Trưởng thôn" not in entries


def test_a_villages_body_named_without_a_village_is_every_villages() -> None:
    found = {m.surface: m.collective for m in find_mentions(
        "Ban điều hành khu phố phối hợp; Ban điều hành khu phố 3 vận động")}
    assert found == {"Ban điều hành khu phố": True, "Ban điều hành khu phố 3": False}


def test_regularly_after_the_lead_comes_before_a_later_time() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nTrật tự đô thị năm 2025\nI. TỔ CHỨC THỰC HIỆN\n- Phòng Kinh tế chủ trì, "
        "thường xuyên kiểm tra các công trình xây dựng; định kỳ hằng tháng tổng hợp kết quả.\n")
    (task,) = plan.tasks
    assert (task.timeframe.kind, task.timeframe.reason) == ("unspecified", "thường xuyên")


def test_a_border_post_and_a_power_branch_are_of_no_local_tier() -> None:
    from extractor.rules.agencies import _level

    assert _level("Đồn Biên phòng Sơn Kim", None, None, "xa") is None
    assert _level("Điện lực Hương Sơn", None, None, "xa") is None
    assert _level("Công an", None, None, "xa") == "xa"  # the plan's own, named bare


def test_register_folds_names_written_other_ways() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN\nSố: 5/KH-UBND\nKẾ HOẠCH\nXã hội học tập năm "
        "2022\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Mặt trận Tổ quốc Việt Nam thành phố Bắc Kạn tuyên truyền; Mặt trận Tổ quốc vận "
        "động.\n"
        "2. Phòng Lao động - Thương binh và Xã hội phối hợp với Phòng Lao động-Thương binh và Xã "
        "hội tổ chức.\n"
        "3. HKH cơ sở thành phố Bắc Kạn vận động; Hội Khuyến học cơ sở tuyên truyền.\n"
        "4. Các trường học phối hợp với Ủy ban nhân dân 15 phường; Ủy ban nhân dân phường "
        "tuyên truyền.\n"
        "5. Ban Thường vụ Hội Khuyến học thành phố chỉ đạo; Ban Chấp hành, Ban Thường vụ Hội "
        "Khuyến học các xã tổ chức.\n"
        "6. Báo cáo Ban Thường vụ Thành ủy Bắc Kạn kết quả; tham mưu Ban Thường vụ Thành ủy "
        "chỉ đạo.\n")
    by_name = {agency.name: agency for agency in plan.agencies}
    # a party committee named by its tier: its place, then no more; bare, the same body
    assert len(by_name["Ban Thường vụ Thành ủy Bắc Kạn"].mentions) == 2
    # a bare name is the one body of that name with a place ("Việt Nam" aside)
    assert len(by_name["Mặt trận Tổ quốc Việt Nam thành phố Bắc Kạn"].mentions) == 2
    # marks between the fields of a name do not make a second body
    assert len([name for name in by_name if name.startswith("Phòng Lao động")]) == 1
    # grassroots units named bare are those of the one place named
    assert len(by_name["Hội Khuyến học cơ sở thành phố Bắc Kạn"].mentions) == 2
    # every ward's council, named bare, is the collective named with a count
    assert len(by_name["Ủy ban nhân dân 15 phường"].mentions) == 2
    # an association's committees act for it; a list of them counts each
    assert len(by_name["Hội Khuyến học thành phố Bắc Kạn"].mentions) == 1
    assert len(by_name["Hội Khuyến học các xã"].mentions) == 2
    assert not any(name.startswith("Ban") and "Hội" in name for name in by_name)


@pytest.mark.parametrize(("issuer", "name", "level"), [
    ("ỦY BAN NHÂN DÂN\nQUẬN LONG BIÊN", "Ban Thường vụ Thành ủy", "tinh"),  # the city above
    ("ỦY BAN NHÂN DÂN\nQUẬN LONG BIÊN", "Ban Thường vụ Quận ủy Long Biên", "huyen"),
    ("ỦY BAN NHÂN DÂN\nQUẬN LONG BIÊN", "Công ty TNHH Một thành viên Nước sạch Hà Nội", None),
    ("ỦY BAN NHÂN DÂN\nXÃ PHƯỚC HƯNG", "Ngân hàng Chính sách xã hội", None),
    ("ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ THỌ HÒA", "Đội Quản lý thị trường số 10", None),
    ("ỦY BAN NHÂN DÂN\nHUYỆN THANH MIỆN", "Trường THPT Lê Quý Đôn", "tinh"),
])
def test_levels_of_bodies_named_with_no_unit(issuer: str, name: str, level: str | None) -> None:
    plan = extract_text(f"{issuer}\nSố: 5/KH-UBND\nKẾ HOẠCH\nAn toàn năm 2025\n"
                        f"I. TỔ CHỨC THỰC HIỆN\n1. Đề nghị {name} phối hợp tuyên truyền.\n")
    by_name = {agency.name: agency for agency in plan.agencies}
    assert by_name[full_name(name)].level == level


def test_under_a_request_heading_the_later_clauses_mass_bodies_are_asked_too() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG PHÚ THỌ HÒA\nSố: 12/KH-UBND\nKẾ HOẠCH\nAn toàn thực phẩm\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ủy ban MTTQ Việt Nam phường\n"
        "- Hội Liên hiệp Phụ nữ phường vận động hội viên cam kết; Hội Cựu chiến binh phường "
        "giám sát việc thực hiện.\n")
    task = _task(plan, "vận động hội viên")
    assert {(a.name, a.role) for a in task.assignments} == {
        ("Hội Liên hiệp Phụ nữ phường", "requested"), ("Hội Cựu chiến binh phường", "requested")}


def test_the_plans_closing_words_are_no_duty_of_the_last_heading() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nPhổ cập giáo dục\nI. TỔ CHỨC THỰC HIỆN\n1. UBND các xã, thị trấn\n"
        "- Gửi hồ sơ về Phòng GD&ĐT trước ngày 30/11 hằng năm.\n"
        "Trên đây là Kế hoạch phổ cập giáo dục của huyện. Trong quá trình thực hiện, nếu có khó "
        "khăn, vướng mắc, kịp thời phản ánh về Phòng GD&ĐT để tổng hợp.\n")
    assert _task(plan, "vướng mắc").assignments == []


def test_a_table_of_who_does_what_reads_each_bodys_role_in_its_duties() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nAn toàn giao thông năm 2022\nI. TỔ CHỨC THỰC HIỆN\n"
        "TT\tCơ quan, đơn vị\tNhiệm vụ\tThời gian thực hiện\n"
        "1\tSở Y tế\tChủ trì, phối hợp với Công an tỉnh kiểm tra sức khỏe người lái xe\t"
        "Quý II/2022\n"
        "2\tĐề nghị Tỉnh đoàn\tTuyên truyền, vận động đoàn viên chấp hành pháp luật\t"
        "Cả năm\n"
        "3\tSở Tài chính\tThẩm định dự toán kinh phí\tQuý I/2022\n")
    roles = {task.description[:12]: {(a.name, a.role) for a in task.assignments}
             for task in plan.tasks}
    assert roles == {"Chủ trì, phố": {("Sở Y tế", "lead"), ("Công an tỉnh", "cooperating")},
                     "Tuyên truyền": {("Tỉnh đoàn", "requested")},
                     "Thẩm định dự": {("Sở Tài chính", "responsible")}}


def test_a_month_in_brackets_after_an_event_is_its_time_and_years_are_not() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nAn toàn giao thông năm 2022\nI. NHIỆM VỤ\n"
        "1. Tổ chức hưởng ứng Tháng an toàn giao thông (tháng 9/2022) với chủ đề năm; tổ chức "
        "Lễ tưởng niệm vào ngày 20/11/2022.\n"
        "2. Tổ chức Hội nghị sơ kết 3 năm (2019-2021) trong tháng 3/2022.\n")
    assert _task(plan, "Tháng an toàn").timeframe.text == "tháng 9/2022"
    assert _task(plan, "sơ kết 3 năm").timeframe.text == "tháng 3/2022"


def test_a_tables_sum_row_and_a_table_of_costs_hold_no_tasks() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nTiếp cận pháp luật\nIII. NHIỆM VỤ\nTT\tNội dung\tCơ quan, đơn vị thực hiện\t"
        "Thời gian hoàn thành\tDự kiến kinh phí (triệu đồng)\n1\tRà soát các chỉ tiêu\tCông "
        "chức Tư pháp - Hộ tịch\tQuý I/2026\t10\n\tTổng cộng\t\t\t10\nIV. KINH PHÍ\nTT\t"
        "Vắc xin, hóa chất, hoạt động\tĐơn vị tính\tSố lượng\tThành tiền (triệu đồng)\n1\tVắc "
        "xin Dại\tLiều\t95.000\t2.565\n")
    assert [task.description for task in plan.tasks] == ["Rà soát các chỉ tiêu"]


def test_a_desk_named_by_its_officer_its_fields_and_its_title_is_one_body() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG NGUYỄN NGHIÊM\nSố: 12/KH-UBND\nKẾ HOẠCH\nHọc tập suốt đời\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Bộ phận Văn hóa – Xã hội\n- Phối hợp với Tài chính - Kế toán "
        "tham mưu.\n2. Bộ phận Tài chính – Kế toán\n- Hằng năm, công chức Tài chính – Kế toán "
        "tổng hợp dự toán.\n")
    desk = [agency for agency in plan.agencies if "Tài chính" in agency.name]
    assert len(desk) == 1 and len(desk[0].mentions) == 3


def test_bodies_of_an_area_or_of_no_tier_and_a_ministrys_department() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 36/KH-UBND\nKẾ HOẠCH\nDịch bệnh động vật năm 2026\n"
        "I. TỔ CHỨC THỰC HIỆN\n- Các Trạm Chăn nuôi và Thú y khu vực báo cáo Cục Chăn nuôi và Thú "
        "y; phối hợp với các Đồn Biên phòng kiểm soát vận chuyển.\n")
    levels = {agency.name: agency.level for agency in plan.agencies}
    assert levels["Các Trạm Chăn nuôi và Thú y khu vực"] is None
    assert levels["các Đồn Biên phòng"] is None
    assert levels["Cục Chăn nuôi và Thú y"] == "trung_uong"


def test_advice_in_a_rows_work_and_under_a_request_heading() -> None:
    plan = extract_text(
        "KẾ HOẠCH\nTiếp cận pháp luật\nPHỤ LỤC\nTT\tNội dung\tCơ quan, đơn vị thực hiện\t"
        "Thời gian hoàn thành\n1\tTổng hợp, tham mưu UBND xã báo cáo UBND tỉnh kết quả\tCông "
        "chức Tư pháp - Hộ tịch\tTrước ngày 10/12/2026\n")
    assert [(a.name, a.role) for a in plan.tasks[0].assignments] == [
        ("Công chức Tư pháp - Hộ tịch", "advising")]
    plan = extract_text(
        "KẾ HOẠCH\nDịch bệnh động vật\nV. TỔ CHỨC THỰC HIỆN\n3. Đề nghị Sở Tài chính, Sở Y tế:\n"
        "- Sở Tài chính thẩm định, tham mưu UBND tỉnh bố trí kinh phí phòng, chống dịch.\n")
    assert [(a.name, a.role) for a in plan.tasks[0].assignments] == [("Sở Tài chính", "requested")]


PROVINCE_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 10 tháng 3 năm "
                   "2025\nKẾ HOẠCH\nPhòng, chống tác hại của thuốc lá\nI. TỔ CHỨC THỰC HIỆN\n")


@pytest.mark.parametrize(("body", "level"), [
    # the body under a lower tier's item is that tier's
    ("UBND cùng cấp", "huyen"),
    # "cùng cấp" is the tier of the body before it in its clause, not of the item's heading
    ("Hội đồng nhân dân cùng cấp", "xa"),
    # a bare body in a district's duty is every district's
    ("Trung tâm Y tế các huyện, thị xã, thành phố", "huyen"),
    # not a body the duty reports to, and not one of a fixed tier
    ("Sở Y tế", "tinh"),
    ("Ban Chỉ đạo tỉnh", "tinh"),
])
def test_a_body_named_in_a_lower_tiers_duty_is_of_that_tier(body: str, level: str) -> None:
    plan = extract_text(
        PROVINCE_HEADER +
        "1. Trung tâm Y tế các huyện, thị xã, thành phố: tư vấn cai nghiện.\n"
        "2. UBND các huyện, thị xã, thành phố:\n"
        "- Tham mưu UBND cùng cấp ban hành kế hoạch; chỉ đạo Trung tâm Y tế tổ chức tư vấn.\n"
        "- UBND cấp xã đưa chỉ tiêu vào nghị quyết của Hội đồng nhân dân cùng cấp.\n"
        "- Báo cáo kết quả về Sở Y tế (qua Ban Chỉ đạo tỉnh) trước ngày 15/12.\n"
        "3. Ban Chỉ đạo tỉnh theo dõi, đôn đốc.\n")
    agency = next(a for a in plan.agencies if body == a.name or body in a.aliases)
    assert agency.level == level
    if body.startswith("Trung tâm Y tế"):
        assert agency.collective and agency.aliases == ["Trung tâm Y tế"]


def test_a_bare_body_under_the_issuers_own_item_keeps_the_issuers_tier() -> None:
    plan = extract_text(
        PROVINCE_HEADER +
        "1. Sở Y tế: chủ trì, phối hợp với Trung tâm Y tế tổ chức tư vấn.\n"
        "2. UBND các huyện: triển khai.\n"
        "Trên đây là Kế hoạch; đề nghị Trung tâm Y tế theo dõi.\n")
    centre = next(a for a in plan.agencies if a.name.startswith("Trung tâm Y tế"))
    assert (centre.level, centre.collective) == ("tinh", False)


def test_a_collective_read_whole_in_a_cell_is_read_whole_in_a_sentence() -> None:
    from extractor.rules.agencies import with_short_forms

    text = ("1\tXây dựng Quy chế\tUBND các xã có điểm du lịch\tQuý II\n"
            "Phòng Văn hóa phối hợp với UBND các xã có điểm du lịch xây dựng Quy chế.")
    surfaces = [m.surface for m in with_short_forms(text, find_mentions(text))]
    assert surfaces.count("UBND các xã có điểm du lịch") == 2 and "UBND các xã" not in surfaces


def test_a_collectives_shorter_name_and_a_lower_tiers_kind_named_bare() -> None:
    plan = extract_text(
        PROVINCE_HEADER +
        "1. Sở Y tế: đầu tư các Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên cấp huyện "
        "(sau đây gọi tắt là Trung tâm GDNN-GDTX); bồi dưỡng giáo viên các Trung tâm GDNN-GDTX.\n"
        "2. UBND các huyện, thành phố: chỉ đạo Phòng Lao động - Thương binh và Xã hội các huyện, "
        "thành phố phối hợp với Trung tâm GDNN-GDTX; Phòng Lao động - Thương binh và Xã hội tổng "
        "hợp.\n")
    centres = [a for a in plan.agencies if "Giáo dục thường xuyên" in a.name]
    assert len(centres) == 1 and centres[0].level == "huyen" and len(centres[0].mentions) == 3
    offices = [a for a in plan.agencies if a.name.startswith("Phòng Lao động")]
    assert len(offices) == 1 and offices[0].collective and len(offices[0].mentions) == 2


def test_a_schedule_named_after_periodically_is_the_tasks_time() -> None:
    plan = extract_text(
        PROVINCE_HEADER +
        "1. Các sở, ngành định kỳ báo cáo kết quả về UBND tỉnh trước ngày 15/6 và ngày 15/12 "
        "hàng năm.\n2. Sở Y tế định kỳ kiểm tra, giám sát.\n")
    timeframes = [task.timeframe for task in plan.tasks]
    assert timeframes[0].rrule == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15"
    assert timeframes[1].kind == "unspecified"


def test_an_areas_unit_named_bare_is_every_one_and_the_polices_divisions_are_the_provinces(
) -> None:
    plan = extract_text(
        PROVINCE_HEADER +
        "1. Công an tỉnh: chỉ đạo Phòng Cảnh sát giao thông tuần tra.\n"
        "2. Các Hạt Kiểm lâm khu vực: kiểm tra; Hạt Kiểm lâm khu vực báo cáo Chi cục Kiểm lâm.\n")
    levels = {a.name: (a.level, a.collective, len(a.mentions)) for a in plan.agencies}
    assert levels["Phòng Cảnh sát giao thông"] == ("tinh", False, 1)
    assert levels["Các Hạt Kiểm lâm khu vực"] == (None, True, 2)


def test_a_communes_bodies_named_in_the_communes_duties_are_all_of_them() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN LẠNG GIANG\nSố: 86/KH-UBND\nLạng Giang, ngày 22 tháng 3 năm "
        "2024\nKẾ HOẠCH\nCông tác trẻ em năm 2024\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Công an huyện: phối hợp với Công an các xã, thị trấn xử lý vụ việc.\n"
        "2. UBND các xã, thị trấn:\n- Chỉ đạo Công an xã, công chức Văn hóa - Xã hội rà soát "
        "trẻ em có hoàn cảnh đặc biệt.\n"
        "- Các hoạt động trọng tâm, cơ quan chủ trì và thời gian có Phụ lục kèm theo.\n")
    police = next(a for a in plan.agencies if a.name == "Công an các xã, thị trấn")
    assert police.aliases == ["Công an xã"] and len(police.mentions) == 2
    desk = next(a for a in plan.agencies if a.name.startswith("công chức Văn hóa"))
    assert (desk.level, desk.collective) == ("xa", True)
    assert not [t for t in plan.tasks if "Phụ lục kèm theo" in t.description]


def test_a_heading_s_body_that_directs_the_lead_answers_for_the_work() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 15/KH-UBND\nKẾ HOẠCH\nPhòng cháy, chữa cháy rừng\n"
        "V. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh:\n"
        "- Chỉ đạo Phòng Cảnh sát PCCC và CNCH chủ trì, phối hợp với Chi cục Kiểm lâm hướng dẫn "
        "công tác phòng cháy tại các khu du lịch.\n"
        "- Giao Phòng Cảnh sát Cơ động chủ trì tuần tra các vùng trọng điểm.\n")
    roles = [sorted((a.name, a.role) for a in task.assignments) for task in plan.tasks]
    assert roles == [
        [("Chi cục Kiểm lâm", "cooperating"), ("Công an tỉnh", "responsible"),
         ("Phòng Cảnh sát PCCC và CNCH", "lead")],
        # a body given the work is the one answering for it
        [("Phòng Cảnh sát Cơ động", "lead")],
    ]


def test_a_closing_line_of_both_roles_gives_each_bullet_of_its_item_its_bodies() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN SÌN HỒ\nSố: 41/KH-UBND\nKẾ HOẠCH\nGiảm nghèo bền vững năm 2024\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n1. Dự án 1: Hỗ trợ đầu tư hạ tầng\n"
        "- Duy tu, bảo dưỡng 09 công trình sau đầu tư.\n"
        "- UBND các xã, thị trấn rà soát danh mục công trình.\n"
        "Cơ quan chủ trì: Phòng Kinh tế và Hạ tầng; cơ quan phối hợp: Phòng Tài chính - Kế "
        "hoạch, Phòng Giao dịch Ngân hàng Chính sách xã hội huyện, UBND các xã, thị trấn.\n"
        "2. Dự án 2: Truyền thông\n- Xây dựng chuyên mục phát thanh.\n")
    roles = [sorted((a.name, a.role) for a in task.assignments) for task in plan.tasks]
    cooperating = [("Phòng Giao dịch Ngân hàng Chính sách xã hội huyện", "cooperating"),
                   ("Phòng Kinh tế và Hạ tầng", "lead"),
                   ("Phòng Tài chính - Kế hoạch", "cooperating")]
    assert roles == [
        sorted([*cooperating, ("UBND các xã, thị trấn", "cooperating")]),
        # a body the duty names itself keeps its own role there
        sorted([*cooperating, ("UBND các xã, thị trấn", "responsible")]),
        [],  # the next item's duty takes none of them
    ]


def test_a_team_named_by_its_work_is_every_villages_and_its_short_name_is_it() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 5/KH-UBND\nKẾ HOẠCH\nPhòng cháy rừng năm 2026\n"
        "I. MỤC TIÊU\nHiện có 312 tổ đội phòng cháy, chữa cháy rừng (sau đây gọi tắt là tổ đội "
        "PCCCR); mỗi thôn có ít nhất 01 tổ tự quản về bảo vệ môi trường.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. UBND các xã: kiện toàn tổ đội PCCCR thôn; tổ tự quản có "
        "trách nhiệm vận động các hộ.\n")
    teams = {agency.name: (len(agency.mentions), agency.collective, agency.level)
             for agency in plan.agencies if agency.name.lower().startswith("tổ")}
    assert teams == {"tổ đội phòng cháy, chữa cháy rừng": (2, True, "xa"),
                     "tổ tự quản về bảo vệ môi trường": (2, True, "xa")}


def test_a_national_body_stays_apart_from_the_local_one_of_its_name() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 24/KH-UBND\nKẾ HOẠCH\nBảo hiểm năm 2026\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Bảo hiểm xã hội khu vực XXV (sau đây gọi tắt là BHXH khu "
        "vực) là cơ quan thường trực; BHXH khu vực tổng hợp, báo cáo Bảo hiểm xã hội Việt Nam."
        "\n2. Hội Khuyến học tỉnh phối hợp với Hội Khuyến học Việt Nam tuyên truyền.\n")
    names = {agency.name: (len(agency.mentions), agency.level) for agency in plan.agencies}
    assert names["Bảo hiểm xã hội khu vực XXV"] == (2, None)
    assert names["Bảo hiểm xã hội Việt Nam"] == (1, "trung_uong")
    assert names["Hội Khuyến học Việt Nam"] == (1, "trung_uong")
    assert names["Hội Khuyến học tỉnh Đắk Lắk"][0] == 1


def test_time_columns_under_a_two_row_header_keep_their_lowest_labels() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nXÃ THỤY ANH\nSố: 27/KH-UBND\nKẾ HOẠCH\nPhân loại rác năm 2026\n"
        "III. NHIỆM VỤ\n"
        "STT\tNội dung công việc\tĐơn vị thực hiện\tThời gian thực hiện\t\n"
        "\t\t\tBắt đầu\tHoàn thành\n"
        "1\tIn tờ rơi hướng dẫn phân loại rác\tPhòng Kinh tế xã\tTháng 3/2026\tTháng 4/2026\n")
    assert [task.timeframe.text for task in plan.tasks] == ["Tháng 3/2026"]
    assert [time.text for time in plan.time_expressions] == ["Tháng 3/2026", "Tháng 4/2026"]


def test_a_body_first_table_row_of_advice_gives_its_body_the_advising_role() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 5/KH-UBND\nKẾ HOẠCH\nPhòng cháy rừng năm 2026\n"
        "III. TỔ CHỨC THỰC HIỆN\nĐơn vị\tNhiệm vụ\tThời gian\n"
        "Sở Tài chính\t- Thẩm định dự toán, tham mưu UBND tỉnh bố trí kinh phí\tQuý IV/2025\n"
        "Chi cục Kiểm lâm\t- Chủ trì kiểm tra phương án phòng cháy của chủ rừng\tQuý IV/2025\n")
    roles = {a.name: a.role for task in plan.tasks for a in task.assignments}
    assert roles == {"Sở Tài chính": "advising", "Chi cục Kiểm lâm": "lead"}


def test_regularly_after_a_directed_body_is_when_the_work_is_done() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN YÊN THÀNH\nSố: 5/KH-UBND\nKẾ HOẠCH\nPhổ biến pháp luật năm "
        "2024\nII. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các xã, thị trấn\n- Chỉ đạo công chức "
        "Tư pháp - Hộ tịch thường xuyên theo dõi hoạt động của các Tổ hòa giải; tổ chức sơ kết "
        "trong tháng 11/2024.\n")
    assert [task.timeframe.text for task in plan.tasks] == ["thường xuyên"]
    assert [time.text for time in plan.time_expressions] == ["thường xuyên", "tháng 11/2024"]


@pytest.mark.parametrize(("duty", "regularly"), [
    # after what the duty directs, a body or not, and after the people who do it
    ("Chỉ đạo, hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở thường xuyên thông tin, "
     "tuyên truyền về phòng, chống HIV/AIDS.", True),
    ("Cộng tác viên dân số thường xuyên đến từng hộ gia đình để tư vấn.", True),
    # describing a thing, not when the work is done
    ("Chỉ đạo các trung tâm duy trì giáo dục thường xuyên tại các xã.", False),
    ("Hướng dẫn các xã rà soát vùng trũng thường xuyên và lập phương án.", False),
    ("Chỉ đạo lực lượng dân quân hỗ trợ các hộ ở vùng thường xuyên ngập lụt.", False),
])
def test_regularly_after_whoever_does_or_is_directed(duty: str, regularly: bool) -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 5/KH-UBND\nKẾ HOẠCH\nPhòng, chống HIV/AIDS năm "
        f"2025\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- {duty}\n")
    timeframes = [task.timeframe.text if task.timeframe else None for task in plan.tasks]
    assert timeframes == (["thường xuyên"] if regularly else [None])


def test_roles_of_a_standing_office_of_help_and_of_a_lead_cell_that_asks() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 5/KH-UBND\nKẾ HOẠCH\nChống buôn lậu năm 2025\n"
        "V. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Thường trực Ban Chỉ đạo 389 tỉnh\n- Lập dự toán kinh "
        "phí hoạt động, gửi Sở Tài chính thẩm định.\n2. Sở Công Thương\n- Phối hợp với Báo Quảng "
        "Trị tuyên truyền người tiêu dùng; tổ chức các hoạt động hưởng ứng.\n- Phối hợp với Sở Y "
        "tế kiểm tra chất lượng hàng hóa.\n3. Cục Quản lý thị trường tỉnh\n- Trước Tết Nguyên "
        "đán, phối hợp với Sở Y tế kiểm tra thị trường.\nPHỤ LỤC\n"
        "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "1\tTuyên truyền Nhân dân khu vực biên giới\tĐề nghị Ủy ban MTTQ Việt Nam tỉnh\t"
        "UBND các huyện\tThường xuyên\n")
    roles = [sorted((a.name, a.role) for a in task.assignments) for task in plan.tasks]
    assert roles == [
        # "Thường trực" in the office's name is no role of standing body
        [("Văn phòng Thường trực Ban Chỉ đạo 389 tỉnh", "responsible")],
        # help throughout, though a later clause names more work
        [("Báo Quảng Trị", "cooperating"), ("Sở Công Thương", "cooperating")],
        [("Sở Công Thương", "cooperating"), ("Sở Y tế", "cooperating")],
        # help after an opening of time
        [("Cục Quản lý thị trường tỉnh", "cooperating"), ("Sở Y tế", "cooperating")],
        # the lead column leads, though its cell opens "Đề nghị"
        [("UBND các huyện", "cooperating"), ("Ủy ban MTTQ Việt Nam tỉnh", "lead")]]


def test_a_later_clauses_own_lead_leaves_the_first_clause_to_the_heading() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG ẢNG\nSố: 5/KH-UBND\nKẾ HOẠCH\nTuyển quân năm 2025\n"
        "V. TỔ CHỨC THỰC HIỆN\n10. Ủy ban nhân dân các xã, thị trấn:\n- Quản lý chặt chẽ công "
        "dân trúng tuyển; Ban CHQS các xã, thị trấn chủ trì, phối hợp với Công an các xã, thị "
        "trấn nắm chắc tư tưởng của công dân.\n")
    assert [sorted((a.name, a.role) for a in task.assignments) for task in plan.tasks] == [[
        ("Ban CHQS các xã, thị trấn", "lead"), ("Công an các xã, thị trấn", "cooperating"),
        ("Ủy ban nhân dân các xã, thị trấn", "responsible")]]


def test_a_body_asked_through_another_is_asked_under_its_heading() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 5/KH-UBND\nKẾ HOẠCH\nPhòng, chống hạn, mặn\n"
        "V. TỔ CHỨC THỰC HIỆN\nm) Đề nghị Tổng công ty Điện lực miền Nam (thông qua Công ty "
        "Điện lực Vĩnh Long):\n- Đầu tư, nâng cấp lưới điện phục vụ các trạm bơm điện.\n")
    assert [[(a.name, a.role) for a in task.assignments] for task in plan.tasks] == [
        [("Tổng công ty Điện lực miền Nam", "requested")]]
    assert [agency.level for agency in plan.agencies
            if agency.name.startswith("Tổng công ty")] == [None]


def test_a_heading_of_a_committees_members_gives_the_committee_its_duties() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nHUYỆN TUY AN\nSố: 5/KH-UBND\nKẾ HOẠCH\nCông tác trẻ em năm 2024\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Các thành viên Ban Chỉ đạo huyện\nTheo dõi, đôn đốc việc "
        "thực hiện Kế hoạch tại các xã được phân công phụ trách.\n")
    assert [[(a.name, a.role) for a in task.assignments] for task in plan.tasks] == [
        [("Ban Chỉ đạo huyện", "responsible")]]


def test_a_unit_in_brackets_takes_the_part_of_its_body() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 5/KH-UBND\nKẾ HOẠCH\nĐề án 06 năm 2025\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo\n- Chủ trì, phối hợp với Công an tỉnh "
        "(Phòng Cảnh sát giao thông) tổ chức tuyên truyền trong trường học.\n"
        "2. Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh (Tỉnh đoàn)\n- Chủ trì tổ chức ra quân.\n")
    roles = [sorted((a.name, a.role) for a in task.assignments) for task in plan.tasks]
    assert roles == [
        [("Công an tỉnh", "cooperating"), ("Phòng Cảnh sát giao thông", "cooperating"),
         ("Sở Giáo dục và Đào tạo", "lead")],
        [("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "lead")]]


def test_a_duty_whose_own_subject_helps_leaves_the_heading_body_out() -> None:
    plan = extract_text(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG HOA LƯ\nSố: 21/KH-UBND\nKẾ HOẠCH\nPhòng, chống bạo lực gia "
        "đình năm 2026\nII. TỔ CHỨC THỰC HIỆN\n1. Ban điều hành các khu phố\n- Trưởng khu phố "
        "phối hợp với Tổ hòa giải ở cơ sở thăm hỏi, động viên các hộ.\n")
    assert [(a.name, a.role) for task in plan.tasks for a in task.assignments] == [
        ("Trưởng khu phố", "cooperating"), ("Tổ hòa giải ở cơ sở", "cooperating")]
